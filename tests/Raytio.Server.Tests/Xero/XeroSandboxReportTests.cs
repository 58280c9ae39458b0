using System.Net;
using System.Text.Json;
using Raytio.Server.Features.Audit;
using Raytio.Server.Providers.Xero;
using Raytio.Server.Tests.Billing.Metering;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Organizations;
using Raytio.Server.Tests.OutsideChecks;
using TestOrg = Raytio.Server.Tests.Organizations.Org;

namespace Raytio.Server.Tests.Xero;

/// <summary>Operations 115-118 on the Sandbox (the demo ledger, no connection needed): answers, periods, errors, metering and who may ask.</summary>
public sealed class XeroSandboxReportTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task Every_report_answers_in_the_shape_of_Xero_s_ReportWithRows_schema()
    {
        var org = await app.CreateOrgAsync();
        foreach (var report in XeroSeed.Reports)
        {
            var answer = await (await app.ReportAsync(report, org.Id, org.Admin.Bearer)).AssertOkAsync();

            Assert.Null(XeroContractSchema.Violations(answer));
            var only = Assert.Single(answer.GetProperty("Reports").EnumerateArray());
            Assert.Equal("Demo Company (NZ)", only.GetProperty("ReportTitles")[1].GetString());
            Assert.Matches(@"^/Date\(\d+\)/$", only.GetProperty("UpdatedDateUTC").GetString());
            Assert.Equal("Header", only.GetProperty("Rows")[0].GetProperty("RowType").GetString());
        }
    }

    [Fact]
    public async Task The_contract_check_refuses_what_the_contract_does_not_declare()
    {
        var org = await app.CreateOrgAsync();
        var answer = await (await app.ReportAsync("balance_sheet", org.Id, org.Admin.Bearer)).AssertOkAsync();
        var text = answer.GetRawText();

        Assert.NotNull(XeroContractSchema.Violations(JsonDocument.Parse(text.Replace("\"RowType\":\"Section\"", "\"RowType\":\"Group\"", StringComparison.Ordinal)).RootElement));
        Assert.NotNull(XeroContractSchema.Violations(JsonDocument.Parse(text.Replace("\"ReportTitles\"", "\"Titles\"", StringComparison.Ordinal)).RootElement));
    }

    [Fact]
    public async Task Periods_default_to_the_current_month_and_today()
    {
        var org = await app.CreateOrgAsync();
        var today = DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime);
        var monthEnd = new DateOnly(today.Year, today.Month, 1).AddMonths(1).AddDays(-1);

        Assert.Equal($"1 {today:MMMM yyyy} to {monthEnd:d MMMM yyyy}", Title(await ReportOkAsync("profit_and_loss", org)));
        Assert.Equal($"As at {today:d MMMM yyyy}", Title(await ReportOkAsync("balance_sheet", org)));
        Assert.Equal($"As at {today:d MMMM yyyy}", Title(await ReportOkAsync("trial_balance", org)));
        Assert.Equal($"For the month of {today:MMMM yyyy}", Title(await ReportOkAsync("executive_summary", org)));
        Assert.Equal("1 March 2026 to 31 March 2026", Title(await ReportOkAsync("profit_and_loss", org, "fromDate=2026-03-01")));
        Assert.Equal("1 February 2026 to 14 February 2026", Title(await ReportOkAsync("profit_and_loss", org, "toDate=2026-02-14")));
    }

    [Fact]
    public async Task The_demo_ledger_s_reports_agree_with_each_other_over_HTTP()
    {
        var org = await app.CreateOrgAsync();
        var first = Amount(await ReportOkAsync("profit_and_loss", org, "fromDate=2026-01-01&toDate=2026-01-31"), "Net Profit");
        var second = Amount(await ReportOkAsync("profit_and_loss", org, "fromDate=2026-02-01&toDate=2026-02-28"), "Net Profit");
        var both = Amount(await ReportOkAsync("profit_and_loss", org, "fromDate=2026-01-01&toDate=2026-02-28"), "Net Profit");
        Assert.Equal(first + second, both);
        Assert.NotEqual(0m, both);

        var balance = await ReportOkAsync("balance_sheet", org, "date=2026-02-28");
        Assert.Equal(Amount(balance, "Net Assets"), Amount(balance, "Total Equity"));
        Assert.Equal(Amount(balance, "Total Assets") - Amount(balance, "Total Liabilities"), Amount(balance, "Net Assets"));
        var trial = await ReportOkAsync("trial_balance", org, "date=2026-02-28");
        Assert.Equal(Amount(trial, "Total", 1), Amount(trial, "Total", 2));
        Assert.Equal(Amount(trial, "Total", 3), Amount(trial, "Total", 4));
        var summary = await ReportOkAsync("executive_summary", org, "date=2026-02-28");
        Assert.Equal(second, Amount(summary, "Profit (loss)"));
        Assert.Equal(first, Amount(summary, "Profit (loss)", 2));
        Assert.Equal(Amount(balance, "Net Assets"), Amount(summary, "Net assets"));
    }

    [Theory]
    [InlineData("profit_and_loss", "fromDate=2026-13-01", "fromDate")]
    [InlineData("profit_and_loss", "toDate=01/02/2026", "toDate")]
    [InlineData("profit_and_loss", "fromDate=2026-03-02&toDate=2026-03-01", "toDate")]
    [InlineData("balance_sheet", "date=yesterday", "date")]
    [InlineData("trial_balance", "date=2026-02-30", "date")]
    [InlineData("executive_summary", "date=2026-1-1", "date")]
    public async Task A_bad_date_is_a_400_naming_it(string report, string query, string field)
    {
        var org = await app.CreateOrgAsync();

        var body = await (await app.ReportAsync(report, org.Id, org.Admin.Bearer, query)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), body.ToString());
    }

    [Fact]
    public async Task Org_id_is_required_and_must_be_an_id()
    {
        var user = await GraphUser.CreateAsync(app);
        foreach (var report in XeroSeed.Reports)
        {
            var missing = await (await app.ReportAsync(report, null, user.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
            Assert.True(missing.GetProperty("errors").TryGetProperty("org_id", out _));
            await (await app.GetAsync($"/xero/v1/reports/{report}?org_id=not-an-id", user.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        }
    }

    [Fact]
    public async Task Members_see_reports_and_everyone_else_gets_the_answer_of_an_unknown_organisation()
    {
        var org = await app.CreateOrgAsync();
        var member = await app.NewMemberAsync(org);
        var otherAdmin = (await app.CreateOrgAsync()).Admin;
        var stranger = await GraphUser.CreateAsync(app);
        foreach (var report in XeroSeed.Reports)
        {
            await (await app.ReportAsync(report, org.Id, org.Admin.Bearer)).AssertOkAsync();
            await (await app.ReportAsync(report, org.Id, member.Bearer)).AssertOkAsync();
            var unknown = await (await app.ReportAsync(report, Guid.NewGuid(), stranger.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found");
            foreach (var outsider in new[] { otherAdmin, stranger })
            {
                var denied = await (await app.ReportAsync(report, org.Id, outsider.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found");
                Assert.Equal(unknown.ToString(), denied.ToString());
            }
            await (await app.ReportAsync(report, org.Id, null)).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        }
    }

    [Fact]
    public async Task Each_report_is_metered_and_audited_and_an_organisation_without_credit_gets_402()
    {
        var restore = await app.MeterXeroReportsAsync();
        try
        {
            var funded = await app.FundedOrgAsync();
            var broke = await app.CreateOrgAsync();
            foreach (var report in XeroSeed.Reports)
            {
                await (await app.ReportAsync(report, funded.Id, funded.Admin.Bearer)).AssertOkAsync();
                await (await app.ReportAsync(report, broke.Id, broke.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.PaymentRequired, "insufficient_credit");
            }

            Assert.Equal(100m - 4 * 2m, await app.CreditsAsync(funded));
            var audited = await app.AuditOfAsync(funded.Admin.Id, AuditEventTypes.XeroReport);
            Assert.Equal(["ExecutiveSummary", "ProfitAndLoss", "BalanceSheet", "TrialBalance"], audited.Select(a => a.GetProperty("report").GetString()));
            Assert.All(audited, a => Assert.Equal(("ok", "xero_report", "Xero (sandbox)"), (a.GetProperty("outcome").GetString(), a.GetProperty("check").GetString(), a.GetProperty("provider").GetString())));
        }
        finally
        {
            restore();
        }
    }

    private async Task<JsonElement> ReportOkAsync(string report, TestOrg org, string query = "") =>
        (await (await app.ReportAsync(report, org.Id, org.Admin.Bearer, query)).AssertOkAsync()).GetProperty("Reports")[0];

    private static string Title(JsonElement report) => report.GetProperty("ReportTitles")[2].GetString()!;

    /// <summary>The amount in a column of the row labelled so, reading the JSON as a client would.</summary>
    private static decimal Amount(JsonElement report, string label, int column = 1)
    {
        var rows = JsonSerializer.Deserialize<List<XeroReportRow>>(report.GetProperty("Rows").GetRawText())!;
        return rows.Amount(label, column);
    }
}
