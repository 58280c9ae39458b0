using System.Globalization;

namespace Raytio.Server.Providers.Xero.Ledger;

/// <summary>How Xero writes a report's rows and values: money with two decimals, ratios as "12.5%", dates as its reports title them.</summary>
public static class ReportCells
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Money(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.00", Invariant);

    /// <summary>A share as a percentage with one decimal ("100.0%"), or "" when there is nothing to divide by.</summary>
    public static string Percent(decimal? share) => share is { } value ? Math.Round(value * 100m, 1, MidpointRounding.AwayFromZero).ToString("0.0", Invariant) + "%" : "";

    public static decimal? Ratio(decimal numerator, decimal denominator) => denominator == 0m ? null : numerator / denominator;

    public static string LongDate(DateOnly date) => date.ToString("d MMMM yyyy", Invariant);

    public static string ShortDate(DateOnly date) => date.ToString("d MMM yyyy", Invariant);

    /// <summary>Xero's JSON dates: "/Date(milliseconds since 1970)/".</summary>
    public static string MsDate(DateTimeOffset at) => $"/Date({at.ToUnixTimeMilliseconds().ToString(Invariant)})/";

    public static XeroReportRow Header(params string[] labels) => new(XeroReportRow.Header, Cells: [.. labels.Select(l => new XeroReportCell(l))]);

    public static XeroReportRow Section(string title, IReadOnlyList<XeroReportRow> rows) => new(XeroReportRow.Section, title, Rows: rows);

    public static XeroReportRow Row(string label, params string[] values) => new(XeroReportRow.Row, Cells: [new(label), .. values.Select(v => new XeroReportCell(v))]);

    public static XeroReportRow Summary(string label, params string[] values) => new(XeroReportRow.SummaryRow, Cells: [new(label), .. values.Select(v => new XeroReportCell(v))]);

    /// <summary>An account's row: every cell carries the account's id, as Xero's do.</summary>
    public static XeroReportRow AccountRow(LedgerAccount account, string label, params string[] values)
    {
        XeroReportAttribute[] attributes = [new(account.Id.ToString(), "account")];
        return new(XeroReportRow.Row, Cells: [new(label, attributes), .. values.Select(v => new XeroReportCell(v, attributes))]);
    }
}
