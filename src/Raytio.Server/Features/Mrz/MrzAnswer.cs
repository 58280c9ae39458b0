using System.Globalization;
using System.Text.Json.Serialization;
using Raytio.Clarity.Mrz;

namespace Raytio.Server.Features.Mrz;

/// <summary>The wire shape of a read zone (docs/MRZ.md).</summary>
public sealed record MrzAnswer(
    [property: JsonPropertyName("format")] string Format,
    [property: JsonPropertyName("lines")] IReadOnlyList<string> Lines,
    [property: JsonPropertyName("fields")] MrzAnswerFields Fields,
    [property: JsonPropertyName("checks")] MrzAnswerChecks Checks,
    [property: JsonPropertyName("valid")] bool Valid)
{
    public static MrzAnswer From(MrzReading reading)
    {
        var f = reading.Fields;
        var optional = f.OptionalData2.Length == 0 ? f.OptionalData : $"{f.OptionalData} {f.OptionalData2}".Trim();
        return new MrzAnswer(reading.Format.ToString(), reading.Lines,
            new MrzAnswerFields(f.DocumentType, f.IssuingCountry, f.Surname, f.GivenNames, f.DocumentNumber, f.Nationality,
                Date(f.DateOfBirth), f.Sex.ToString(), Date(f.ExpiryDate), optional),
            new MrzAnswerChecks(reading.Checks.DocumentNumber, reading.Checks.DateOfBirth, reading.Checks.ExpiryDate, reading.Checks.Composite),
            reading.Valid);
    }

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

public sealed record MrzAnswerFields(
    [property: JsonPropertyName("document_type")] string DocumentType,
    [property: JsonPropertyName("issuing_country")] string IssuingCountry,
    [property: JsonPropertyName("surname")] string Surname,
    [property: JsonPropertyName("given_names")] string GivenNames,
    [property: JsonPropertyName("document_number")] string DocumentNumber,
    [property: JsonPropertyName("nationality")] string Nationality,
    [property: JsonPropertyName("date_of_birth")] string? DateOfBirth,
    [property: JsonPropertyName("sex")] string Sex,
    [property: JsonPropertyName("expiry_date")] string? ExpiryDate,
    [property: JsonPropertyName("optional_data")] string OptionalData);

/// <summary><c>composite</c> is null on visas, which have no composite check digit.</summary>
public sealed record MrzAnswerChecks(
    [property: JsonPropertyName("document_number")] bool DocumentNumber,
    [property: JsonPropertyName("date_of_birth")] bool DateOfBirth,
    [property: JsonPropertyName("expiry_date")] bool ExpiryDate,
    [property: JsonPropertyName("composite")] bool? Composite);
