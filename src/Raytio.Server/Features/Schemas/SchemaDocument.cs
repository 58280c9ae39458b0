using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Schemas;

/// <summary>
/// The checks a schema document passes before it is stored, and its served form. Stored: the
/// document as given (extra keywords such as `encrypt`, `tags`, `lookup` kept), with `$schema`
/// draft-07 and without the top-level `$id`; served: with the `$id` its name gives it.
/// </summary>
internal static class SchemaDocument
{
    public const string Field = "schema";
    public const string Draft07 = SchemaReference.Draft07MetaSchema + "#";

    /// <summary>The formats draft-07 defines; validation asserts them, so an unknown one would silently check nothing.</summary>
    private static readonly HashSet<string> Draft07Formats =
    [
        "date-time", "date", "time", "email", "idn-email", "hostname", "idn-hostname", "ipv4", "ipv6",
        "uri", "uri-reference", "iri", "iri-reference", "uri-template", "json-pointer", "relative-json-pointer", "regex",
    ];

    private static readonly EvaluationOptions MetaSchemaCheck = new() { OutputFormat = OutputFormat.Hierarchical, RequireFormatValidation = true };

    public static Uri IdOf(SchemaName name, SchemaOptions options) => new(options.IdBaseUri, $"schema/{name.Type}/{name.Bare}");

    /// <summary>
    /// A given document made ready to store: a JSON object that is a draft-07 schema, whose
    /// `$ref`s point into itself, to the draft-07 meta-schema or to whole schemas of this
    /// installation (the caller resolves those), with known formats. Any top-level `$id` is replaced
    /// by the one of its name.
    /// </summary>
    public static JsonObject Prepare(JsonElement given, SchemaName name, SchemaOptions options)
    {
        if (given.ValueKind != JsonValueKind.Object)
        {
            throw ApiException.Invalid(Field, $"'{Field}' must be a JSON object: a draft-07 schema document.");
        }
        if (given.TryGetProperty("$schema", out var declared) && !(declared.ValueKind == JsonValueKind.String && declared.GetString() is Draft07 or SchemaReference.Draft07MetaSchema))
        {
            throw ApiException.Invalid($"{Field}/$schema", $"'{Field}/$schema' must be '{Draft07}' (draft-07), not {declared.GetRawText()}.");
        }
        CheckAgainstMetaSchema(given);

        var document = JsonNode.Parse(given.GetRawText())!.AsObject();
        document.Remove("$id");
        if (document.ContainsKey("$schema"))
        {
            document["$schema"] = Draft07;
        }
        else
        {
            document.Insert(0, "$schema", Draft07);
        }
        CheckSubschemas(document, IdOf(name, options), options);
        return document;
    }

    /// <summary>The served form: `$schema`, then the `$id` of <paramref name="name"/>, then the rest as stored.</summary>
    public static JsonObject Served(JsonObject stored, SchemaName name, SchemaOptions options)
    {
        var served = new JsonObject { ["$schema"] = Draft07, ["$id"] = IdOf(name, options).AbsoluteUri };
        foreach (var (keyword, value) in stored)
        {
            if (keyword is not ("$schema" or "$id"))
            {
                served[keyword] = value?.DeepClone();
            }
        }
        return served;
    }

    public static JsonObject Parse(string storedJson) => JsonNode.Parse(storedJson)!.AsObject();

    private static void CheckAgainstMetaSchema(JsonElement given)
    {
        var results = MetaSchemas.Draft7.Evaluate(given, MetaSchemaCheck);
        if (results.IsValid)
        {
            return;
        }
        // The deepest failure is the most precise (a parent fails because a child did).
        var failure = SchemaValidator.Failures(results).OrderByDescending(d => d.InstanceLocation.SegmentCount).First();
        var field = Field + failure.InstanceLocation;
        var reason = failure.Errors is { Count: > 0 } errors ? errors.Values.First() : $"it does not match the meta-schema at '{failure.EvaluationPath}'";
        throw ApiException.Invalid(field, $"'{field}' is not valid draft-07: {reason}.");
    }

    private static void CheckSubschemas(JsonObject document, Uri id, SchemaOptions options)
    {
        foreach (var (schema, pointer) in SchemaKeywords.Subschemas(document))
        {
            if (pointer.Length > 0 && schema["$id"] is JsonValue nestedId && nestedId.GetValue<string>() is var nested && !nested.StartsWith('#'))
            {
                throw ApiException.Invalid($"{Field}{pointer}/$id", $"'{Field}{pointer}/$id' may only be a '#name' fragment: a nested schema cannot move to another URI, '{nested}'.");
            }
            if (schema["format"] is JsonValue format && format.GetValue<string>() is var formatName && !Draft07Formats.Contains(formatName))
            {
                throw ApiException.Invalid($"{Field}{pointer}/format", $"'{Field}{pointer}/format' '{formatName}' is not a draft-07 format ({string.Join(", ", Draft07Formats)}).");
            }
            if (schema["$ref"] is JsonValue reference)
            {
                CheckReference(document, reference.GetValue<string>(), pointer, id, options);
            }
        }
    }

    private static bool IsSchema(JsonNode? node) => node is JsonObject || node?.GetValueKind() is JsonValueKind.True or JsonValueKind.False;

    private static void CheckReference(JsonObject document, string reference, string pointer, Uri id, SchemaOptions options)
    {
        var field = $"{Field}{pointer}/$ref";
        switch (SchemaReference.Classify(reference, id, options.IdBaseUri))
        {
            case SchemaReference.Refused refused:
                throw ApiException.Invalid(field, $"'{field}' '{reference}' {refused.Reason}.");
            case SchemaReference.Internal { IsPointer: true } inside when !IsSchema(SchemaKeywords.At(document, inside.Fragment)):
                throw ApiException.Invalid(field, $"'{field}' '{reference}' points to nothing in this schema.");
            case SchemaReference.Internal { IsPointer: false } anchor when !SchemaKeywords.Subschemas(document).Any(s => s.Schema["$id"] is JsonValue v && v.GetValue<string>() == "#" + anchor.Fragment):
                throw ApiException.Invalid(field, $"'{field}' '{reference}' names no '$id' of this schema.");
        }
    }
}
