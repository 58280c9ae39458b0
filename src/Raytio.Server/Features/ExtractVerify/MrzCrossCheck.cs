using System.Text.Json.Nodes;
using Raytio.Clarity.Mrz;

namespace Raytio.Server.Features.ExtractVerify;

/// <summary>
/// Operation 102's use of a document's machine-readable zone (issue 13 item 9): the visual-zone
/// fields a model read are compared with the zone (<see cref="MrzConfirmation"/>, the MRZ
/// reader's public API); a field the zone confirms is reported as confirmed, and a field the zone
/// vouches for by its check digits but the visual reading contradicts is replaced by the zone's
/// value and reported as corrected. Names are only replaced when the visual reading is no name at
/// all (empty, or holding digits or symbols), since the zone writes names without accents and may
/// cut them.
/// </summary>
public static class MrzCrossCheck
{
    /// <summary>The component names that stand for each of the zone's fields: the zone's own name and the aliases of 104's tables.</summary>
    private static readonly Dictionary<string, string> ZoneFieldOf = Aliases(
        ("document_type", ["document_type", "type"]),
        ("issuing_country", ["issuing_country", "issuing_state", "country_code", "code"]),
        ("surname", ["surname", "last_name", "family_name", "surnames", "last_names"]),
        ("given_names", ["given_names", "first_names", "given_name", "forenames"]),
        ("document_number", ["document_number", "passport_number", "passport_no", "document_no"]),
        ("nationality", ["nationality", "nationality_code", "citizenship"]),
        ("date_of_birth", ["date_of_birth", "dob", "birth_date", "birthdate"]),
        ("sex", ["sex", "gender"]),
        ("expiry_date", ["expiry_date", "date_of_expiry", "expiry", "expiration_date", "valid_until"]));

    /// <summary>The components' words with the zone's corrections, and the report for the signed data.</summary>
    public static (Dictionary<string, IReadOnlyList<string>> Text, JsonObject Report) Apply(
        MrzReading reading, IReadOnlyDictionary<string, IReadOnlyList<string>> text)
    {
        var components = new Dictionary<string, string>(StringComparer.Ordinal);
        var visual = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (component, words) in text)
        {
            if (ZoneFieldOf.TryGetValue(component, out var field) && visual.TryAdd(field, string.Join(' ', words)))
                components[field] = component;
        }
        var corrected = new Dictionary<string, IReadOnlyList<string>>(text, StringComparer.Ordinal);
        var confirmed = new JsonArray();
        var replaced = new JsonArray();
        foreach (var verdict in MrzConfirmation.Confirm(reading, visual))
        {
            if (verdict.Confirmed)
            {
                confirmed.Add(verdict.Field);
            }
            else if (verdict.MrzValue is { Length: > 0 } value && Vouched(reading, verdict.Field)
                && (verdict.Field is not ("surname" or "given_names") || !IsName(visual[verdict.Field])))
            {
                corrected[components[verdict.Field]] = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                replaced.Add(verdict.Field);
            }
        }
        var report = new JsonObject
        {
            ["format"] = reading.Format.ToString(),
            ["valid"] = reading.Valid,
            ["checks"] = new JsonObject
            {
                ["document_number"] = reading.Checks.DocumentNumber,
                ["date_of_birth"] = reading.Checks.DateOfBirth,
                ["expiry_date"] = reading.Checks.ExpiryDate,
                ["composite"] = reading.Checks.Composite,
            },
            ["confirmed"] = confirmed,
            ["corrected"] = replaced,
        };
        return (corrected, report);
    }

    /// <summary>Whether the zone's own check digits stand behind its value of the field (as <see cref="MrzConfirmation"/> requires to confirm it).</summary>
    private static bool Vouched(MrzReading reading, string field) => field switch
    {
        "document_number" => reading.Checks.DocumentNumber && reading.Checks.Composite != false,
        "date_of_birth" => reading.Checks.DateOfBirth && reading.Fields.DateOfBirth is not null,
        "expiry_date" => reading.Checks.ExpiryDate && reading.Fields.ExpiryDate is not null,
        _ => reading.Valid,
    };

    private static bool IsName(string? text) =>
        text is { Length: > 0 } && text.Any(char.IsLetter) && text.All(c => char.IsLetter(c) || c is ' ' or '-' or '\'' or '.');

    private static Dictionary<string, string> Aliases(params (string Field, string[] Names)[] table) =>
        table.SelectMany(t => t.Names.Select(n => (Name: n, t.Field))).ToDictionary(p => p.Name, p => p.Field, StringComparer.Ordinal);
}
