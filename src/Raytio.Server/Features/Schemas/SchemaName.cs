using System.Text.RegularExpressions;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Schemas;

/// <summary>
/// A schema's name: its type and its bare name; <see cref="Full"/> (`us_passport_note`) is what
/// profile objects name. Requests may give the bare or the prefixed name, never prefixed twice.
/// </summary>
public readonly partial record struct SchemaName(string Type, string Bare)
{
    public const int MaxBareLength = 100;

    public string Full => $"{Type}_{Bare}";

    public override string ToString() => Full;

    /// <summary>`ss_NZ_Person` -> (ss, NZ_Person); null when the text is not a well-formed full name.</summary>
    public static SchemaName? ParseFull(string text)
    {
        var match = Prefix().Match(text);
        var bare = text[match.Length..];
        return match.Success && IsBare(bare) ? new SchemaName(text[..2], bare) : null;
    }

    /// <summary>
    /// The name meant by <paramref name="given"/> (bare or prefixed) for a schema of
    /// <paramref name="type"/>; a prefix that differs from the type is a 400 naming both.
    /// </summary>
    public static SchemaName Resolve(string field, string given, string type)
    {
        var prefix = Prefix().Match(given);
        if (!prefix.Success)
        {
            return IsBare(given) ? new SchemaName(type, given) : throw Malformed(field, given, type);
        }
        if (given[..2] != type)
        {
            throw ApiException.Invalid(field, $"'{field}' '{given}' names a schema of type '{given[..2]}', but the type is '{type}'.");
        }
        var bare = given[prefix.Length..];
        if (Prefix().IsMatch(bare))
        {
            throw ApiException.Invalid(field, $"'{field}' '{given}' is prefixed twice: give the bare name or one '{type}_' prefix.");
        }
        return IsBare(bare) ? new SchemaName(type, bare) : throw Malformed(field, given, type);
    }

    /// <summary>Letters, digits and underscores, not itself starting with a type prefix.</summary>
    private static bool IsBare(string text) => text.Length is > 0 and <= MaxBareLength && BarePattern().IsMatch(text) && !Prefix().IsMatch(text);

    private static ApiException Malformed(string field, string given, string type) =>
        ApiException.Invalid(field, $"'{field}' must be 1 to {MaxBareLength} letters, digits or underscores, optionally prefixed '{type}_', not '{given}'.");

    [GeneratedRegex("^[puso]s_", RegexOptions.CultureInvariant)]
    private static partial Regex Prefix();

    [GeneratedRegex("^[A-Za-z0-9_]+$", RegexOptions.CultureInvariant)]
    private static partial Regex BarePattern();
}
