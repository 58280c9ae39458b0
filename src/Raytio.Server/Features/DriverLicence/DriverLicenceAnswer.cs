using System.Globalization;
using System.Text.Json.Nodes;
using Raytio.Server.Providers.DocumentRegisters;
using Raytio.Server.Providers.DriverLicence;

namespace Raytio.Server.Features.DriverLicence;

/// <summary>
/// Operation 98's answer in the reference's shape: `reportingReference` (the register's
/// reference), `safeHarbour` and one `driversLicence` result with `status` (0 verified, 1 details
/// not matched or licence not found, 2 licence not current), `safeHarbourScore` (M1 when the
/// licence is current and first name, last name, date of birth and licence number and version all
/// match, N1 otherwise), `verified` (safe harbour and any middle name given matching too),
/// `statusMessage`, the names and date of birth as given, and `fields`: "Yes" or "No" per detail
/// given (`middleName` only when one was given).
/// </summary>
public static class DriverLicenceAnswer
{
    public const int Verified = 0;
    public const int Unmatched = 1;
    public const int NotCurrent = 2;

    public static JsonObject Of(DriverLicenceQuery query, DriverLicenceVerdict verdict)
    {
        var current = verdict.Status == RecordStatus.Current;
        var safeHarbour = current && verdict.LicenceNo && verdict.FirstName && verdict.LastName && verdict.DateOfBirth;
        var verified = safeHarbour && verdict.MiddleName is not false;
        var unmatched = Fields(verdict).Where(f => !f.Matched).Select(f => f.Name).ToList();
        var (status, message) = verified
            ? (Verified, "Matched")
            : current || verdict.Status == RecordStatus.NotFound
                ? (Unmatched, "Unmatched: " + string.Join(", ", unmatched))
                : (NotCurrent, $"Licence not current: {verdict.Status.Wire()}");
        var result = new JsonObject
        {
            ["status"] = status,
            ["safeHarbourScore"] = safeHarbour ? "M1" : "N1",
            ["verified"] = verified,
            ["statusMessage"] = message,
            ["firstName"] = query.FirstName,
        };
        if (query.MiddleName is not null)
        {
            result["middleName"] = query.MiddleName;
        }
        result["lastName"] = query.LastName;
        result["dateOfBirth"] = query.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        result["fields"] = new JsonObject(Fields(verdict).Select(f => KeyValuePair.Create(f.Name, (JsonNode?)(f.Matched ? "Yes" : "No"))));
        return new JsonObject
        {
            ["reportingReference"] = verdict.Reference,
            ["safeHarbour"] = safeHarbour,
            ["driversLicence"] = new JsonArray(result),
        };
    }

    /// <summary>The audit trail's name of the outcome.</summary>
    public static string Outcome(DriverLicenceVerdict verdict) => verdict.Status switch
    {
        RecordStatus.NotFound => "not_found",
        RecordStatus.Current => Fields(verdict).All(f => f.Matched) ? "verified" : "unmatched",
        _ => "not_current",
    };

    private static IEnumerable<(string Name, bool Matched)> Fields(DriverLicenceVerdict verdict)
    {
        yield return ("firstName", verdict.FirstName);
        if (verdict.MiddleName is { } middle)
        {
            yield return ("middleName", middle);
        }
        yield return ("lastName", verdict.LastName);
        yield return ("dateOfBirth", verdict.DateOfBirth);
        yield return ("licenceNo", verdict.LicenceNo);
    }
}
