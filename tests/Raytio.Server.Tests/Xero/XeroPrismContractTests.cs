using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Raytio.Server.Providers.Outside;
using Raytio.Server.Providers.Xero;
using Raytio.Server.Providers.Xero.Live;
using Raytio.Server.Tests.Billing.StripeAdapter;

namespace Raytio.Server.Tests.Xero;

/// <summary>
/// The Live reports adapter against Prism 5.16.0 serving Xero's accounting contract
/// (tests/interop/xero): Prism checks each request against the specification (the Bearer token
/// of its OAuth2 scheme, the required `xero-tenant-id` header, the query parameters) and answers
/// the contract's examples, which the adapter must read.
/// </summary>
public sealed class XeroPrismContractTests(XeroPrismContractTests.PrismXero prism) : IClassFixture<XeroPrismContractTests.PrismXero>
{
    private static readonly XeroAccess Access = new("prism-access-token", "fe79f7dd-b6d4-4a92-ba7b-538af6289c58");

    [Theory]
    [InlineData(XeroReportKind.ExecutiveSummary)]
    [InlineData(XeroReportKind.ProfitAndLoss)]
    [InlineData(XeroReportKind.BalanceSheet)]
    [InlineData(XeroReportKind.TrialBalance)]
    public async Task Each_report_request_passes_the_contract_and_its_answer_is_read(XeroReportKind kind)
    {
        var request = new XeroReportRequest(kind, kind == XeroReportKind.ProfitAndLoss ? new DateOnly(2026, 4, 1) : null, new DateOnly(2026, 4, 30));

        var answer = await prism.Reports.ReportAsync(request, Access, CancellationToken.None);

        Assert.NotEmpty(answer["Reports"]!.AsArray());
        Assert.Null(XeroContractSchema.Violations(System.Text.Json.JsonSerializer.SerializeToElement(answer)));
        Assert.DoesNotContain("did not pass the validation rules", prism.Server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prism_refuses_a_report_request_without_the_tenant_or_the_token()
    {
        using var http = new HttpClient { BaseAddress = prism.Server.Address };
        using var noTenant = new HttpRequestMessage(HttpMethod.Get, "/Reports/BalanceSheet?date=2026-04-30");
        noTenant.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "t");
        using var noToken = new HttpRequestMessage(HttpMethod.Get, "/Reports/BalanceSheet?date=2026-04-30");
        noToken.Headers.Add("xero-tenant-id", Access.TenantId);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await http.SendAsync(noTenant)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(noToken)).StatusCode);
    }

    /// <summary>Prism serving the accounting contract, and the Live adapter pointed at it.</summary>
    public sealed class PrismXero : IAsyncLifetime
    {
        public LoopbackNodeServer Server { get; private set; } = null!;

        public XeroLiveReports Reports { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Server = await LoopbackNodeServer.StartAsync("node_modules/@stoplight/prism-cli/dist/index.js",
                port => ["mock", "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), XeroContractSchema.Contract]);
            var options = new XeroOptions { Provider = XeroProviderKind.Live, Live = new XeroLiveOptions { ApiBaseUrl = new Uri(Server.Address, "/"), MaxRetries = 0 } };
            var services = new ServiceCollection().AddLogging().AddSingleton(Options.Create(options));
            services.AddProviderHttpClient(XeroLiveReports.HttpClientName, provider => provider.GetRequiredService<IOptions<XeroOptions>>().Value.Live);
            Reports = services.AddSingleton<XeroLiveReports>().BuildServiceProvider().GetRequiredService<XeroLiveReports>();
        }

        public async Task DisposeAsync() => await Server.DisposeAsync();
    }
}
