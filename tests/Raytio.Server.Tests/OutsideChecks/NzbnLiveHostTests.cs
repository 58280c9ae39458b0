using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Raytio.Server.Features.Audit;
using Raytio.Server.Providers.Nzbn.Live;
using Raytio.Server.Tests.Billing.Metering;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Nzbn;

namespace Raytio.Server.Tests.OutsideChecks;

/// <summary>The server with Raytio:Nzbn:Provider = Live against a fake register: answers pass through, failures are 502s that refund the charge.</summary>
public sealed class NzbnLiveHostTests(NzbnLiveHostTests.LiveNzbnFactory app) : IClassFixture<NzbnLiveHostTests.LiveNzbnFactory>
{
    [Fact]
    public async Task The_live_register_answers_the_operations_in_the_reference_shapes()
    {
        var user = await GraphUser.CreateAsync(app);
        app.Vendor.Answer(HttpStatusCode.OK, NzbnV5Bodies.FullEntity);

        var ownership = await (await app.GetAsync($"/nzbn/v1/entities/{NzbnV5Bodies.Nzbn}/ownership", user.Bearer)).AssertOkAsync();

        Assert.Equal("HARBOUR LIGHT TRADING LIMITED", ownership.GetProperty("name").GetString());
        Assert.Equal("1000", ownership.GetProperty("total_shares").GetString());
        Assert.Contains(ownership.GetProperty("people").EnumerateArray(), p => p.GetProperty("name").GetString() == "SCOTT, BRIAN ALEXANDER" && p.GetProperty("ownership_percentage").GetDecimal() == 0.01m);
    }

    [Fact]
    public async Task A_failing_register_is_a_502_naming_it_and_the_charge_is_refunded_and_audited()
    {
        await app.StartMeteringAsync();
        var org = await app.FundedOrgAsync();
        app.Vendor.Answer(HttpStatusCode.ServiceUnavailable, """{"errorDescription":"VENDOR-INTERNAL-DETAIL"}""");

        foreach (var path in new[] { $"/nzbn/v1/entities?search-term=harbour&org_id={org.Id}", $"/nzbn/v1/entities/{NzbnV5Bodies.Nzbn}?org_id={org.Id}", $"/nzbn/v1/entities/{NzbnV5Bodies.Nzbn}/ownership?org_id={org.Id}" })
        {
            var body = await (await app.GetAsync(path, org.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.BadGateway, "provider_failed");
            Assert.Contains("NZBN register (live)", body.GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.DoesNotContain("VENDOR", body.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal(100m, await app.CreditsAsync(org));
        foreach (var eventType in new[] { AuditEventTypes.NzbnSearch, AuditEventTypes.NzbnEntityRead, AuditEventTypes.NzbnOwnershipRead })
        {
            var failed = Assert.Single(await app.AuditOfAsync(org.Admin.Id, eventType));
            Assert.Equal(("provider_failed", true, "answered 503"), (failed.GetProperty("outcome").GetString(), failed.GetProperty("refunded").GetBoolean(), failed.GetProperty("reason").GetString()));
        }
    }

    /// <summary>Live NZBN with no retries (the host's clock is a fake one, which retry waits would follow).</summary>
    public sealed class LiveNzbnFactory : RaytioFactory
    {
        public FakeVendor Vendor { get; } = new();

        protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
        [
            new("Raytio:Nzbn:Provider", "Live"),
            new("Raytio:Nzbn:Live:BaseUrl", "https://nzbn.test/gateway/nzbn/v5/"),
            new("Raytio:Nzbn:Live:SubscriptionKey", "host-test-key"),
            new("Raytio:Nzbn:Live:MaxRetries", "0"),
        ];

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddHttpClient(NzbnLiveRegister.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => Vendor));
        }
    }
}
