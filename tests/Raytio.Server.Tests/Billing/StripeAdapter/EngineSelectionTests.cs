using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Raytio.Server.Features.Billing;
using Raytio.Server.Features.Billing.Embedded;
using Raytio.Server.Features.Billing.Stripe;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Billing.StripeAdapter;

/// <summary>Raytio:Billing:Engine picks the engine: Stripe has no renewal scheduler, needs a key, and a Stripe that does not answer is a 502.</summary>
public sealed class EngineSelectionTests(EngineSelectionTests.UnreachableStripeHost app) : IClassFixture<EngineSelectionTests.UnreachableStripeHost>
{
    [Fact]
    public void With_stripe_selected_the_adapter_answers_and_no_renewal_scheduler_runs()
    {
        using var scope = app.Services.CreateScope();
        Assert.IsType<StripePlans>(scope.ServiceProvider.GetRequiredService<IBillingPlans>());
        Assert.IsType<StripeCustomers>(scope.ServiceProvider.GetRequiredService<IBillingCustomers>());
        Assert.IsType<StripeInvoices>(scope.ServiceProvider.GetRequiredService<IBillingInvoices>());
        Assert.DoesNotContain(app.Services.GetServices<IHostedService>(), service => service is BillingRenewalService);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("Embedded", true)]
    [InlineData("Stripe", false)]
    public void The_renewal_scheduler_is_registered_for_the_embedded_engine_only(string? engine, bool registered)
    {
        var settings = new Dictionary<string, string?> { [BillingOptions.EngineKey] = engine };
        var services = new ServiceCollection();
        new BillingFeature().AddServices(services, new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        Assert.Equal(registered, services.Any(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(BillingRenewalService)));
        Assert.Equal(registered ? typeof(EmbeddedPlans) : typeof(StripePlans), services.Single(d => d.ServiceType == typeof(IBillingPlans)).ImplementationType);
    }

    [Fact]
    public async Task A_stripe_that_does_not_answer_is_a_502_naming_the_provider()
    {
        var user = await GraphUser.CreateAsync(app);
        var error = await (await app.GetAsync("/org/v1/plans", user.Bearer)).AssertErrorAsync(HttpStatusCode.BadGateway, "billing_provider_unavailable");
        Assert.Contains("'stripe'", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "SecretKey is not set")]
    [InlineData("pk_test_publishable", "must be a Stripe secret key")]
    public async Task Stripe_selected_without_a_secret_key_is_a_clear_settings_error(string? key, string expected)
    {
        await using var host = new MisconfiguredStripeHost(key);
        // What Program runs before the host starts.
        var failure = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains(failure.Failures, f => f.Contains("Raytio:Billing:Stripe:SecretKey", StringComparison.Ordinal) && f.Contains(expected, StringComparison.Ordinal));
    }

    /// <summary>Stripe selected, its address a loopback port nothing listens on.</summary>
    public sealed class UnreachableStripeHost : RaytioFactory
    {
        private readonly int _closedPort = FreePort.Next();

        protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
        [
            new("Raytio:Billing:Engine", "Stripe"),
            new("Raytio:Billing:Stripe:SecretKey", StripeHost.TestSecretKey),
            new("Raytio:Billing:Stripe:ApiBase", $"http://127.0.0.1:{_closedPort}"),
            new("Raytio:Billing:Stripe:MaxNetworkRetries", "0"),
        ];
    }

    private sealed class MisconfiguredStripeHost(string? key) : RaytioFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings => key is null
            ? [new("Raytio:Billing:Engine", "Stripe")]
            : [new("Raytio:Billing:Engine", "Stripe"), new("Raytio:Billing:Stripe:SecretKey", key)];
    }
}
