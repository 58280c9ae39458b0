using System.Text.Json;
using System.Text.Json.Nodes;
using Raytio.Server.Features.Schemas;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.ExtractVerify;

/// <summary>
/// Operation 104's transformation of extracted document data onto a schema's fields: names
/// renamed by <see cref="FieldAliases"/>, text values trimmed (a list of words, as extraction
/// answers, joined unless the field is an array), dates to ISO 8601 (<see cref="DocumentDates"/>),
/// names split or joined (<see cref="PersonNames"/>). Mapping mapped data changes nothing.
/// Every problem is a 400 naming the field: a name the schema has no field for, two names for one
/// field, a value that is no date, and values the schema refuses (its `required` list aside, since
/// a document may lack fields). Leniently (operation 102, mapping what OCR read), such names and
/// values are left out instead.
/// </summary>
public sealed class DocumentMapper(SchemaValidator validator, TimeProvider time)
{
    public JsonObject Map(DocumentSchema schema, JsonObject data, string field, bool lenient = false)
    {
        var validation = new Validation();
        var fields = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        var names = new Dictionary<string, (string Value, string Key)>(StringComparer.Ordinal);
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in data)
        {
            var place = $"{field}.{key}";
            if (FieldAliases.Target(schema, key) is not { } target)
            {
                validation.Add(place, $"The schema {schema.Name} has no field '{key}', and '{key}' is no alias of one.");
                continue;
            }
            if (!sources.TryAdd(target, key))
            {
                validation.Add(place, $"'{key}' and '{sources[target]}' both give '{target}'.");
                continue;
            }
            if (Normalized(schema, target, value, place, validation) is not { } normalized)
            {
                continue;
            }
            if (PersonNames.IsPart(target))
            {
                if (normalized.GetValueKind() == JsonValueKind.String)
                {
                    names[target] = (normalized.GetValue<string>(), key);
                }
                else
                {
                    validation.Add(place, $"'{place}' must be text or a list of words.");
                }
            }
            else
            {
                fields[target] = normalized;
            }
        }

        var document = new JsonObject();
        PersonNames.Apply(schema, names, document, field, validation);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        foreach (var (target, value) in fields)
        {
            if (Dated(schema, target, value, today, $"{field}.{sources[target]}", validation) is { } dated)
            {
                document[target] = dated;
            }
        }
        if (!lenient)
        {
            validation.ThrowIfAny();
        }

        var ordered = new JsonObject();
        foreach (var (property, _) in schema.Properties)
        {
            if (document[property] is { } value)
            {
                ordered[property] = value.DeepClone();
            }
        }
        Check(schema, ordered, field, lenient);
        return ordered;
    }

    /// <summary>Text trimmed with single spaces (absent when empty), word lists joined, numbers as text for text fields; null for nothing to keep.</summary>
    private static JsonNode? Normalized(DocumentSchema schema, string target, JsonNode? value, string place, Validation validation)
    {
        switch (value)
        {
            case null:
                return null;
            case JsonValue text when text.GetValueKind() == JsonValueKind.String:
                var words = Squeezed(text.GetValue<string>());
                return words.Length == 0 ? null : JsonValue.Create(words);
            case JsonValue number when number.GetValueKind() == JsonValueKind.Number && schema.Allows(target, "string") && !schema.Allows(target, "number"):
                return JsonValue.Create(number.ToJsonString());
            case JsonArray list when !schema.Allows(target, "array"):
                if (list.Any(item => item is not JsonValue v || v.GetValueKind() != JsonValueKind.String))
                {
                    validation.Add(place, $"'{place}' must be text or a list of words.");
                    return null;
                }
                var joined = Squeezed(string.Join(' ', list.Select(item => item!.GetValue<string>())));
                return joined.Length == 0 ? null : JsonValue.Create(joined);
            case JsonArray list:
                return new JsonArray([.. list.Select(item => item is JsonValue v && v.GetValueKind() == JsonValueKind.String
                    ? JsonValue.Create(Squeezed(v.GetValue<string>()))
                    : item?.DeepClone())]);
            default:
                return value.DeepClone();
        }
    }

    private static JsonNode? Dated(DocumentSchema schema, string target, JsonNode value, DateOnly today, string place, Validation validation)
    {
        var format = schema.Format(target);
        if (format is not ("date" or "date-time") || value is not JsonValue text || text.GetValueKind() != JsonValueKind.String)
        {
            return value;
        }
        var given = text.GetValue<string>();
        var iso = format == "date"
            ? DocumentDates.ToIsoDate(given, isBirthDate: target.Contains("birth", StringComparison.Ordinal), today)
            : DocumentDates.ToIsoDateTime(given, today);
        if (iso is null)
        {
            validation.Add(place, $"'{place}' is not a date: '{given}'.");
            return null;
        }
        return JsonValue.Create(iso);
    }

    /// <summary>
    /// The mapped document against the schema, whose `required` list is left out (a document may
    /// lack fields); leniently, the fields it refuses are removed until it accepts the rest.
    /// </summary>
    private void Check(DocumentSchema schema, JsonObject document, string field, bool lenient)
    {
        var partial = (JsonObject)schema.Document.DeepClone();
        partial.Remove("required");
        var compiled = validator.Compile(partial);
        while (validator.Validate(compiled, JsonSerializer.SerializeToElement(document)) is { IsValid: false } result)
        {
            var refused = result.Violations.Select(v => v.Path.TrimStart('/').Split('/')[0]).Where(document.ContainsKey).Distinct().ToList();
            if (!lenient || refused.Count == 0)
            {
                throw ApiException.Validation(result.Violations
                    .GroupBy(v => v.Path.Length == 0 ? field : $"{field}.{v.Path.TrimStart('/').Replace('/', '.')}")
                    .ToDictionary(g => g.Key, g => g.Select(v => $"'{g.Key}' does not fit the schema {schema.Name}: {v.Message}").ToArray()));
            }
            refused.ForEach(name => document.Remove(name));
        }
    }

    private static string Squeezed(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
