using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Billing.StripeAdapter;

/// <summary>The real pipeline with Raytio:Billing:Engine = Stripe, talking to a loopback fake of Stripe that it starts and stops.</summary>
public abstract class StripeHost : RaytioFactory
{
    public const string TestSecretKey = "sk_test_raytio_adapter";

    private LoopbackNodeServer? _stripe;

    public LoopbackNodeServer Stripe => _stripe ?? throw new InvalidOperationException("The Stripe fake has not started.");

    protected abstract Task<LoopbackNodeServer> StartStripeAsync();

    protected override async Task StartDependenciesAsync() => _stripe = await StartStripeAsync();

    protected override async Task StopDependenciesAsync()
    {
        if (_stripe is not null)
        {
            await _stripe.DisposeAsync();
        }
    }

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
    [
        new("Raytio:Billing:Engine", "Stripe"),
        new("Raytio:Billing:Stripe:SecretKey", TestSecretKey),
        new("Raytio:Billing:Stripe:ApiBase", Stripe.Address.ToString()),
        new("Raytio:Billing:Stripe:MaxNetworkRetries", "0"),
    ];
}

public sealed class PrismStripeHost : StripeHost
{
    protected override Task<LoopbackNodeServer> StartStripeAsync() => StripeFakes.StartPrismAsync();
}

public sealed class StatefulStripeHost : StripeHost
{
    protected override Task<LoopbackNodeServer> StartStripeAsync() => StripeFakes.StartStatefulMockAsync();
}
