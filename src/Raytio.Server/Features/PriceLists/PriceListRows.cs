using System.Globalization;
using System.Text.Json;

namespace Raytio.Server.Features.PriceLists;

/// <summary>A row of a request that cannot be used, with the field at fault and why.</summary>
public sealed class RowRejected(string field, string reason) : Exception(reason)
{
    public string Field { get; } = field;

    public string Reason { get; } = reason;
}

/// <summary>
/// Reads the fields of one row of a price-list request (a JSON object) and checks each as it is
/// read; the first bad field rejects the row (<see cref="RowRejected"/>).
/// </summary>
public readonly struct PriceListRow(JsonElement row)
{
    public const string ManufacturerField = "manufacturer_id";

    /// <summary>The reference's spelling in quotes (operation 97).</summary>
    public const string MisspelledManufacturerField = "manafacturer_id";

    public static PriceListRow Of(JsonElement row) =>
        row.ValueKind == JsonValueKind.Object ? new PriceListRow(row) : throw new RowRejected("row", "Each row must be a JSON object.");

    /// <summary>A non-blank string of at most 100 characters, trimmed; null when absent and optional.</summary>
    public string? Text(string field, bool required)
    {
        if (!row.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return required ? throw new RowRejected(field, $"'{field}' is required.") : null;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            throw new RowRejected(field, $"'{field}' must be a string.");
        }
        var text = value.GetString()!.Trim();
        if (text.Length == 0)
        {
            return required ? throw new RowRejected(field, $"'{field}' is required.") : null;
        }
        return text.Length <= PriceListColumns.IdLength ? text : throw new RowRejected(field, $"'{field}' must be at most {PriceListColumns.IdLength} characters.");
    }

    /// <summary>The manufacturer under either spelling; both given must agree.</summary>
    public string ManufacturerId()
    {
        var correct = Text(ManufacturerField, required: false);
        var misspelled = Text(MisspelledManufacturerField, required: false);
        if (correct is not null && misspelled is not null && correct != misspelled)
        {
            throw new RowRejected(ManufacturerField, $"'{ManufacturerField}' and '{MisspelledManufacturerField}' name different manufacturers.");
        }
        return correct ?? misspelled ?? throw new RowRejected(ManufacturerField, $"'{ManufacturerField}' is required.");
    }

    public string Currency()
    {
        var code = Text("currency", required: true)!;
        return Currencies.Normalize(code) ?? throw new RowRejected("currency", "'currency' must be a three-letter ISO 4217 code.");
    }

    /// <summary>
    /// An exact decimal number (the JSON text as written, never through a float) from 0 (or above 0
    /// when <paramref name="positive"/>) up to <paramref name="limit"/>, with at most six decimals.
    /// </summary>
    public decimal? Amount(string field, bool required, bool positive, decimal limit)
    {
        if (!row.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return required ? throw new RowRejected(field, $"'{field}' is required.") : null;
        }
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var amount))
        {
            throw new RowRejected(field, $"'{field}' must be a number.");
        }
        if (amount < 0 || (positive && amount == 0) || amount >= limit)
        {
            throw new RowRejected(field, string.Create(CultureInfo.InvariantCulture, $"'{field}' must be {(positive ? "above" : "at least")} 0 and below {limit}."));
        }
        return ExactDecimals.ScaleOf(amount) <= ExactDecimals.MaxScale
            ? ExactDecimals.Normalize(amount)
            : throw new RowRejected(field, $"'{field}' may have at most {ExactDecimals.MaxScale} decimal places.");
    }

    /// <summary>The row's own `org_id`, or null when it names none.</summary>
    public Guid? OrganizationId()
    {
        var text = Text(PriceListEndpoints.OrgIdField, required: false);
        return text is null ? null
            : Guid.TryParse(text, out var id) ? id
            : throw new RowRejected(PriceListEndpoints.OrgIdField, $"'{PriceListEndpoints.OrgIdField}' must be a GUID.");
    }

    /// <summary>An optional JSON object kept as its text; `{}` when absent.</summary>
    public string ObjectText(string field, int maxLength)
    {
        if (!row.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return "{}";
        }
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new RowRejected(field, $"'{field}' must be an object.");
        }
        var text = value.GetRawText();
        return text.Length <= maxLength ? text : throw new RowRejected(field, $"'{field}' must be at most {maxLength} characters of JSON.");
    }
}
