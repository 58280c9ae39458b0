using System.Text;

namespace Raytio.Server.Features.ExtractVerify;

/// <summary>
/// Which schema field an extracted name stands for (operation 104). A name is first compared as
/// given and as a key (`Date of Birth`, `dateOfBirth` and `date-of-birth` are `date_of_birth`),
/// then with the aliases the property declares (`"aliases": [...]`), then with the table of the
/// schema's family, then with the common table. docs/EXTRACT-VERIFY.md lists both tables.
/// </summary>
public static class FieldAliases
{
    /// <summary>Aliases every schema understands: names and the dates documents carry.</summary>
    public static IReadOnlyDictionary<string, string> Common { get; } = Table(
        (PersonNames.Last, ["surname", "family_name", "last_names", "lastname", "surnames"]),
        (PersonNames.Given, ["given_name", "first_names", "forenames", "firstnames"]),
        (PersonNames.First, ["first_name", "firstname", "forename"]),
        (PersonNames.Middle, ["middle_name", "middlename", "other_names", "second_names"]),
        (PersonNames.Full, ["name", "fullname"]),
        ("date_of_birth", ["dob", "birth_date", "birthdate", "date_birth", "born"]),
        ("expiry_date", ["date_of_expiry", "expiry", "expires", "expiration_date", "valid_until", "date_expiry", "expiry_date_of_passport"]),
        ("issue_date", ["date_of_issue", "issued", "issued_on", "date_issued", "date_issue"]),
        ("sex", ["gender"]),
        ("place_of_birth", ["birth_place", "birthplace"]));

    /// <summary>Aliases of one family of schemas (<see cref="DocumentSchema.Family"/>): the document's own numbers and codes.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ByFamily { get; } = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal)
    {
        ["NZ_Passport"] = Table(
            ("passport_number", ["passport_no", "passport", "document_number", "document_no", "passport_num"]),
            ("nationality", ["nationality_code", "citizenship"])),
        ["NZ_DriverLicence"] = Table(
            ("licence_number", ["licence_no", "license_number", "license_no", "driver_licence_number", "drivers_licence_no", "drivers_licence_number", "5a", "number"]),
            ("licence_version", ["version", "card_version", "licence_card_version", "drivers_licence_version", "license_version", "5b"]),
            ("classes", ["class", "licence_class", "licence_classes"])),
    };

    /// <summary>The field <paramref name="given"/> stands for in <paramref name="schema"/>: a property, or a name part (<see cref="PersonNames"/>) the schema may derive its names from; null when none.</summary>
    public static string? Target(DocumentSchema schema, string given)
    {
        if (schema.Has(given))
        {
            return given;
        }
        var key = Key(given);
        if (schema.Has(key))
        {
            return key;
        }
        foreach (var (field, _) in schema.Properties)
        {
            if (schema.DeclaredAliases(field).Any(alias => Key(alias) == key))
            {
                return field;
            }
        }
        if (ByFamily.TryGetValue(schema.Family, out var family) && family.TryGetValue(key, out var own))
        {
            return own;
        }
        if (Common.TryGetValue(key, out var common))
        {
            return common;
        }
        return PersonNames.IsPart(key) ? key : null;
    }

    /// <summary>Lower-case words joined by underscores: camelCase and any run of other characters split words.</summary>
    public static string Key(string name)
    {
        var key = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsLetterOrDigit(c))
            {
                if (char.IsUpper(c) && i > 0 && char.IsLower(name[i - 1]) && key.Length > 0)
                {
                    key.Append('_');
                }
                key.Append(char.ToLowerInvariant(c));
            }
            else if (key.Length > 0 && key[^1] != '_')
            {
                key.Append('_');
            }
        }
        return key.ToString().TrimEnd('_');
    }

    private static Dictionary<string, string> Table(params (string Field, string[] Aliases)[] rows) =>
        rows.SelectMany(row => row.Aliases.Select(alias => (alias, row.Field))).ToDictionary(pair => pair.alias, pair => pair.Field, StringComparer.Ordinal);
}
