using System.Text.Json;
using System.Text.Json.Serialization;

namespace Raytio.Server.Providers.Xero;

/// <summary>
/// One report in the shape of Xero's `ReportWithRow` (the accounting contract's schema): titles,
/// dates and nested Header / Section / Row / SummaryRow rows whose cells hold strings.
/// </summary>
public sealed record XeroReport(
    string ReportID, string ReportName, string ReportType, IReadOnlyList<string> ReportTitles, string ReportDate, string UpdatedDateUTC,
    IReadOnlyList<XeroReportField> Fields, IReadOnlyList<XeroReportRow> Rows);

public sealed record XeroReportField(string FieldID, string Description, string Value);

/// <summary>A row: `Cells` for Header / Row / SummaryRow, `Title` and nested `Rows` for a Section.</summary>
public sealed record XeroReportRow(string RowType, string? Title = null, IReadOnlyList<XeroReportCell>? Cells = null, IReadOnlyList<XeroReportRow>? Rows = null)
{
    public const string Header = "Header";
    public const string Section = "Section";
    public const string Row = "Row";
    public const string SummaryRow = "SummaryRow";

    /// <summary>The text of the first cell (a row's label), or null for a section.</summary>
    [JsonIgnore]
    public string? Label => Cells is [{ } first, ..] ? first.Value : null;
}

/// <summary>A cell: its text and, for an account's row, the attribute naming the account (`{"Id":"account","Value":AccountID}`).</summary>
public sealed record XeroReportCell(string Value, IReadOnlyList<XeroReportAttribute>? Attributes = null);

public sealed record XeroReportAttribute(string Value, string Id);

/// <summary>The JSON of Xero's reports: property names as declared (PascalCase), absent values left out.</summary>
public static class XeroJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.General)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
