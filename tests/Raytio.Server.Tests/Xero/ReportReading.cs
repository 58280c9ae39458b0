using System.Globalization;
using Raytio.Server.Providers.Xero;

namespace Raytio.Server.Tests.Xero;

/// <summary>Reads figures back out of a report's rows by their labels, as a reader of Xero's reports would.</summary>
internal static class ReportReading
{
    /// <summary>Every row with cells, sections opened.</summary>
    public static IEnumerable<XeroReportRow> Lines(this IReadOnlyList<XeroReportRow> rows) =>
        rows.SelectMany(row => row.RowType == XeroReportRow.Section ? row.Rows ?? [] : [row]);

    /// <summary>The amount in column <paramref name="column"/> (1 = the first after the label) of the row labelled so; 0 when no such row (Xero leaves empty sections out).</summary>
    public static decimal Amount(this IReadOnlyList<XeroReportRow> rows, string label, int column = 1)
    {
        var row = rows.Lines().SingleOrDefault(r => r.Label == label);
        return row is null ? 0m : Number(row.Cells![column].Value) ?? 0m;
    }

    /// <summary>The rows of the section titled so (empty when absent).</summary>
    public static IReadOnlyList<XeroReportRow> Section(this IReadOnlyList<XeroReportRow> rows, string title) =>
        rows.SingleOrDefault(r => r.RowType == XeroReportRow.Section && r.Title == title)?.Rows ?? [];

    public static decimal? Number(string value) => value == "" ? null : decimal.Parse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
}
