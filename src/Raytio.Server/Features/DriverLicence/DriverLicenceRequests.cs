using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Raytio.Server.Hosting;
using Raytio.Server.Providers.DriverLicence;

namespace Raytio.Server.Features.DriverLicence;

/// <summary>
/// Reads and checks operation 98's body (camelCase, as the reference writes it); each fault is a
/// 400 naming its field. The licence number is card field 5a (two letters and six digits), the
/// version card field 5b (three digits: a JSON integer 0-999 or a string of three digits, as the
/// reference's example sends it; a temporary licence has none and cannot be checked); the
/// subject's consent (`driversLicenceConsentObtained: true`) is required.
/// </summary>
public static partial class DriverLicenceRequests
{
    public const string DataSource = "NZTA Drivers License";
    public const int MaxNameLength = 100;

    public static DriverLicenceQuery Read(JsonElement body, DateOnly today)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw ApiException.BadRequest("validation_failed", "The body must be a JSON object.");
        }
        var check = new Validation();
        if (body.TryGetProperty("dataSources", out var sources) && sources.ValueKind != JsonValueKind.Null
            && (sources.ValueKind != JsonValueKind.Array || sources.EnumerateArray().Any(s => s.ValueKind != JsonValueKind.String || s.GetString() != DataSource)))
        {
            check.Add("dataSources", $"'dataSources' is an array holding only \"{DataSource}\".");
        }
        if (!body.TryGetProperty("driversLicenceConsentObtained", out var consent) || consent.ValueKind != JsonValueKind.True)
        {
            check.Add("driversLicenceConsentObtained", "'driversLicenceConsentObtained' must be true: a licence is checked only with its holder's consent.");
        }
        var first = Name(check, body, "firstName", required: true);
        var middle = Name(check, body, "middleName", required: false);
        var last = Name(check, body, "lastName", required: true);
        var born = DateOfBirth(check, body, today);
        var number = Text(body, "driversLicenceNo")?.Trim().ToUpperInvariant();
        if (number is null || !LicenceNumber().IsMatch(number))
        {
            check.Add("driversLicenceNo", "'driversLicenceNo' is required: the licence number (card field 5a), two letters and six digits, e.g. AB123456.");
        }
        var version = Version(body);
        if (version is null)
        {
            check.Add("driversLicenceVersion", "'driversLicenceVersion' is required: the licence version (card field 5b), three digits, e.g. 354 (temporary licences have none and cannot be checked).");
        }
        check.ThrowIfAny();
        return new DriverLicenceQuery(number!, version!, first!, middle, last!, born!.Value);
    }

    private static string? Name(Validation check, JsonElement body, string field, bool required)
    {
        var present = body.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null;
        if (present && value.ValueKind != JsonValueKind.String)
        {
            check.Add(field, $"'{field}' must be a string.");
            return null;
        }
        var text = present ? value.GetString()!.Trim() : "";
        if (text.Length == 0)
        {
            if (required)
            {
                check.Add(field, $"'{field}' is required.");
            }
            return null;
        }
        if (text.Length > MaxNameLength)
        {
            check.Add(field, $"'{field}' is at most {MaxNameLength} characters.");
        }
        return text;
    }

    private static DateOnly? DateOfBirth(Validation check, JsonElement body, DateOnly today)
    {
        if (!DateOnly.TryParseExact(Text(body, "dateOfBirth"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var born))
        {
            check.Add("dateOfBirth", "'dateOfBirth' is required (YYYY-MM-DD).");
            return null;
        }
        if (born >= today || born < today.AddYears(-130))
        {
            check.Add("dateOfBirth", "'dateOfBirth' must be a past date within 130 years.");
            return null;
        }
        return born;
    }

    private static string? Version(JsonElement body)
    {
        if (!body.TryGetProperty("driversLicenceVersion", out var value))
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.Number)
        {
            return value.TryGetInt32(out var number) && number is >= 0 and <= 999 ? number.ToString("D3", CultureInfo.InvariantCulture) : null;
        }
        return value.ValueKind == JsonValueKind.String && value.GetString()!.Trim() is var text && LicenceVersion().IsMatch(text) ? text : null;
    }

    private static string? Text(JsonElement body, string field) =>
        body.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [GeneratedRegex("^[A-Z]{2}[0-9]{6}$")]
    private static partial Regex LicenceNumber();

    [GeneratedRegex("^[0-9]{3}$")]
    private static partial Regex LicenceVersion();
}
