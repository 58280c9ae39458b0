using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Raytio.Server.Features.ExtractVerify;

/// <summary>
/// A schema that documents are mapped onto and verified by: its full name, its expanded top-level
/// properties and the `verified_fields` it lists. <see cref="Family"/> is the bare name without the
/// reference's numeric suffix (`ss_NZ_DriverLicence_22` -> `NZ_DriverLicence`), which the alias and
/// source tables are keyed by, so a later version of a document's schema keeps them.
/// </summary>
public sealed partial class DocumentSchema
{
    /// <summary>A property's own list of other names it is extracted under (an addition to the reference's keywords).</summary>
    public const string AliasesKeyword = "aliases";

    public const string VerifiedFieldsKeyword = "verified_fields";

    public DocumentSchema(string name, JsonObject document)
    {
        Name = name;
        Document = document;
        Properties = document["properties"] as JsonObject ?? [];
        VerifiedFields = document[VerifiedFieldsKeyword] is JsonArray listed
            ? [.. listed.OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String).Select(v => v.GetValue<string>())]
            : [];
        Family = NumericSuffix().Replace(name.Length > 3 && name[2] == '_' ? name[3..] : name, "");
    }

    /// <summary>The full name (`ss_NZ_Passport_19`).</summary>
    public string Name { get; }

    public bool IsSystem => Name.StartsWith("ss_", StringComparison.Ordinal);

    public string Family { get; }

    /// <summary>The expanded document.</summary>
    public JsonObject Document { get; }

    public JsonObject Properties { get; }

    public IReadOnlyList<string> VerifiedFields { get; }

    public bool Has(string field) => Properties.ContainsKey(field);

    /// <summary>The property's `format` (`date`, `date-time`, ...), or null.</summary>
    public string? Format(string field) => Property(field)?["format"] is JsonValue format && format.TryGetValue<string>(out var text) ? text : null;

    /// <summary>Whether the property's `type` is or includes <paramref name="type"/>.</summary>
    public bool Allows(string field, string type) => Property(field)?["type"] switch
    {
        JsonValue single => single.TryGetValue<string>(out var name) && name == type,
        JsonArray several => several.OfType<JsonValue>().Any(v => v.TryGetValue<string>(out var name) && name == type),
        _ => false,
    };

    /// <summary>The names the property declares with <see cref="AliasesKeyword"/>.</summary>
    public IEnumerable<string> DeclaredAliases(string field) =>
        Property(field)?[AliasesKeyword] is JsonArray aliases
            ? aliases.OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String).Select(v => v.GetValue<string>())
            : [];

    private JsonObject? Property(string field) => Properties[field] as JsonObject;

    [GeneratedRegex("_[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex NumericSuffix();
}
