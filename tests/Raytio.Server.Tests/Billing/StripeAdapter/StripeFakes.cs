namespace Raytio.Server.Tests.Billing.StripeAdapter;

/// <summary>The two local servers that speak Stripe's API (tests/interop/package.json pins both).</summary>
public static class StripeFakes
{
    /// <summary>The contract the adapter is checked against (docs/BILLING.md says how it was made from the 2023-08-16 slice).</summary>
    public const string Contract = "stripe/stripe-openapi-2023-08-16.json";

    /// <summary>Prism answering from the contract, validating every request against it (a request that breaks it gets a 422).</summary>
    public static Task<LoopbackNodeServer> StartPrismAsync() =>
        LoopbackNodeServer.StartAsync("node_modules/@stoplight/prism-cli/dist/index.js",
            port => ["mock", "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), Contract]);

    /// <summary>stripe-stateful-mock: keeps customers, prices, products and subscriptions between requests.</summary>
    public static Task<LoopbackNodeServer> StartStatefulMockAsync() =>
        LoopbackNodeServer.StartAsync("node_modules/stripe-stateful-mock/dist/cli.js", _ => []);
}
