using System.Globalization;
using Raytio.Server.Hosting;
using Raytio.Server.Providers.Xero;

namespace Raytio.Server.Features.Xero;

/// <summary>
/// The period of a report as Xero's report endpoints take it (YYYY-MM-DD): `fromDate` / `toDate`
/// for the profit and loss (defaults: the month of the other date, else the current month), `date`
/// for the others (default: today, UTC). Every date must fall in the years
/// <see cref="FirstYear"/> to <see cref="LastYear"/>: the reports reach a year and a month before
/// a date (balance sheet, executive summary, the financial year's start) and to the end of its
/// month, which the calendar's own ends (years 1 and 9999) leave no room for.
/// </summary>
public static class XeroReportPeriod
{
    public const int FirstYear = 1900, LastYear = 9998;

    public static XeroReportRequest Parse(XeroReportKind kind, string? date, string? fromDate, string? toDate, DateOnly today)
    {
        if (kind != XeroReportKind.ProfitAndLoss)
        {
            return new XeroReportRequest(kind, null, Day("date", date) ?? today);
        }
        var (from, to) = (Day("fromDate", fromDate), Day("toDate", toDate));
        var month = from ?? to ?? today;
        from ??= new DateOnly(month.Year, month.Month, 1);
        to ??= new DateOnly(from.Value.Year, from.Value.Month, 1).AddMonths(1).AddDays(-1);
        return from > to
            ? throw ApiException.Invalid("toDate", $"'toDate' ({to:yyyy-MM-dd}) is before 'fromDate' ({from:yyyy-MM-dd}).")
            : new XeroReportRequest(kind, from, to.Value);
    }

    private static DateOnly? Day(string field, string? value)
    {
        if (value is null)
        {
            return null;
        }
        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            throw ApiException.Invalid(field, $"'{field}' is a date written YYYY-MM-DD.");
        }
        return day.Year is >= FirstYear and <= LastYear
            ? day
            : throw ApiException.Invalid(field, $"'{field}' must be a day in the years {FirstYear} to {LastYear}.");
    }
}
