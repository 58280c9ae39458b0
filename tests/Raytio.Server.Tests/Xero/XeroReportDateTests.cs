using System.Net;
using Raytio.Server.Features.Xero;
using Raytio.Server.Tests.Billing.Metering;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Organizations;
using Raytio.Server.Tests.OutsideChecks;

namespace Raytio.Server.Tests.Xero;

/// <summary>
/// Every date parameter of 115-118 at and beyond the years the reports accept (docs/XERO.md,
/// "Limits"): the calendar's ends are refused with a 400 naming the parameter before anything is
/// charged; the first and last accepted days answer.
/// </summary>
public sealed class XeroReportDateTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    private static readonly string[] OutOfRange = ["0001-01-01", "0001-02-15", "1899-12-31", "9999-01-01", "9999-12-15", "9999-12-31"];

    public static TheoryData<string, string> DateParameters => new()
    {
        { "executive_summary", "date" }, { "balance_sheet", "date" }, { "trial_balance", "date" },
        { "profit_and_loss", "fromDate" }, { "profit_and_loss", "toDate" },
    };

    [Theory]
    [MemberData(nameof(DateParameters))]
    public async Task A_day_outside_the_years_1900_to_9998_is_a_400_naming_the_parameter_and_nothing_is_charged(string report, string parameter)
    {
        var restore = await app.MeterXeroReportsAsync();
        try
        {
            var org = await app.FundedOrgAsync();
            foreach (var day in OutOfRange)
            {
                var refused = await (await app.ReportAsync(report, org.Id, org.Admin.Bearer, $"{parameter}={day}")).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");

                Assert.True(refused.GetProperty("errors").TryGetProperty(parameter, out _), $"{report} {parameter}={day}: {refused}");
                Assert.Contains($"{XeroReportPeriod.FirstYear} to {XeroReportPeriod.LastYear}", refused.GetProperty("message").GetString(), StringComparison.Ordinal);
            }
            Assert.Equal(100m, await app.CreditsAsync(org));
        }
        finally
        {
            restore();
        }
    }

    [Theory]
    [MemberData(nameof(DateParameters))]
    public async Task The_first_and_last_days_accepted_answer_a_report(string report, string parameter)
    {
        var org = await app.CreateOrgAsync();
        foreach (var day in new[] { "1900-01-01", "1900-03-31", "9998-12-01", "9998-12-31" })
        {
            await (await app.ReportAsync(report, org.Id, org.Admin.Bearer, $"{parameter}={day}")).AssertOkAsync();
        }
    }

    [Fact]
    public async Task A_profit_and_loss_over_the_whole_accepted_range_answers()
    {
        var org = await app.CreateOrgAsync();

        await (await app.ReportAsync("profit_and_loss", org.Id, org.Admin.Bearer, "fromDate=1900-01-01&toDate=9998-12-31")).AssertOkAsync();
    }
}
