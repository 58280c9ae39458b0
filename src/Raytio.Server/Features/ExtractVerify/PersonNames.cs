using System.Text.Json.Nodes;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.ExtractVerify;

/// <summary>
/// A person's name in the parts a schema wants (operation 104). Documents print names differently
/// (`given_names` "TIGER ERASMUS" and `surname`, or a full name); schemas hold some of
/// <see cref="Full"/>, <see cref="Given"/>, <see cref="First"/>, <see cref="Middle"/> and
/// <see cref="Last"/>. Parts given directly are kept; the others are split or joined:
/// given names split into the first word and the middle names, a full name into given names and
/// its last word as the last name, and parts joined with single spaces. A schema with a first
/// name but no middle names gets every given name in its first name, so that nothing is lost;
/// a part with nowhere to go is a 400 naming it.
/// </summary>
public static class PersonNames
{
    public const string Full = "full_name";
    public const string Given = "given_names";
    public const string First = "first_given_name";
    public const string Middle = "middle_names";
    public const string Last = "last_name";

    private static readonly string[] Parts = [Full, Given, First, Middle, Last];

    public static bool IsPart(string field) => Parts.Contains(field, StringComparer.Ordinal);

    /// <summary>
    /// Adds to <paramref name="document"/> the name parts the schema has, from the parts given
    /// (part -> (value, the request's key it came from)); problems go to <paramref name="validation"/>.
    /// </summary>
    public static void Apply(DocumentSchema schema, IReadOnlyDictionary<string, (string Value, string Key)> given, JsonObject document, string field, Validation validation)
    {
        if (given.Count == 0)
        {
            return;
        }
        string? Part(string part) => given.TryGetValue(part, out var value) ? value.Value : null;
        var first = Part(First);
        var middle = Part(Middle);
        var givenNames = Part(Given) ?? Join(first, middle);
        var last = Part(Last);
        var full = Part(Full);
        if (givenNames is null && last is null && full is not null && !schema.Has(Full))
        {
            var words = Words(full);
            last = words[^1];
            givenNames = words.Length > 1 ? string.Join(' ', words[..^1]) : null;
        }

        var wanted = new Dictionary<string, string?>
        {
            [Full] = full ?? Join(givenNames, last),
            [Given] = givenNames,
            [Last] = last,
        };
        if (schema.Has(Middle))
        {
            var split = first is null && givenNames is not null ? Words(givenNames) : null;
            wanted[First] = first ?? split?[0];
            wanted[Middle] = middle ?? (split is { Length: > 1 } ? string.Join(' ', split[1..]) : null);
        }
        else
        {
            wanted[First] = givenNames;
        }
        foreach (var (part, value) in wanted)
        {
            if (value is not null && schema.Has(part))
            {
                document[part] = value;
            }
        }

        var holdsGiven = schema.Has(Full) || schema.Has(Given) || schema.Has(First);
        var holdsLast = schema.Has(Full) || schema.Has(Last);
        foreach (var (part, (_, key)) in given)
        {
            var placed = part switch
            {
                Last => holdsLast,
                Full => schema.Has(Full) || (holdsGiven && holdsLast),
                _ => holdsGiven,
            };
            if (!placed)
            {
                validation.Add($"{field}.{key}", $"The schema {schema.Name} has no field for '{key}' ({part}).");
            }
        }
    }

    private static string[] Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static string? Join(string? first, string? second) =>
        first is null ? second : second is null ? first : $"{first} {second}";
}
