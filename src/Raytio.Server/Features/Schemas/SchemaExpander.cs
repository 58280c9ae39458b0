using System.Text.Json.Nodes;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Schemas;

/// <summary>
/// `expand`: every `$ref` to another schema is replaced by that schema's (current, expanded)
/// document, so the result stands alone. The inlined copy loses its `$id`, and its own `#...`
/// references are rewritten to where it now sits, so it validates exactly as the reference did
/// (draft-07 ignores the keywords beside a `$ref`, so they go with it). Cycles, chains deeper than
/// <see cref="SchemaOptions.MaxReferenceDepth"/> and more than
/// <see cref="SchemaOptions.MaxExpandedReferences"/> inlined documents answer 400 naming them.
/// </summary>
internal sealed class SchemaExpander(SchemaOptions options, Func<SchemaName, CancellationToken, Task<JsonObject?>> loadCurrent)
{
    private sealed record Expansion(JsonObject Document, int Height, int Inlined);

    private readonly Dictionary<SchemaName, Expansion> _expanded = [];

    /// <summary>The expanded copy of <paramref name="document"/>, the schema named <paramref name="name"/>.</summary>
    public async Task<JsonObject> ExpandAsync(SchemaName name, JsonObject document, CancellationToken cancellationToken) =>
        (await ExpandAsync(name, document, [name], cancellationToken)).Document;

    private async Task<Expansion> ExpandAsync(SchemaName name, JsonObject document, List<SchemaName> chain, CancellationToken cancellationToken)
    {
        var copy = document.DeepClone().AsObject();
        var id = SchemaDocument.IdOf(name, options);
        var (height, inlined) = (0, 0);
        foreach (var (schema, pointer) in SchemaKeywords.Subschemas(copy).ToList())
        {
            if (schema["$ref"] is not JsonValue reference)
            {
                continue;
            }
            var text = reference.GetValue<string>();
            var classified = SchemaReference.Classify(text, id, options.IdBaseUri);
            if (classified is SchemaReference.Internal inside && !text.StartsWith('#'))
            {
                // Written as a URI of this document: made relative to wherever the document goes.
                schema["$ref"] = inside.IsPointer ? "#" + FragmentOf(inside.Fragment) : "#" + inside.Fragment;
            }
            if (classified is not SchemaReference.Stored { Name: var target })
            {
                continue;
            }
            var expansion = await ExpandReferenceAsync(name, pointer, target, chain, cancellationToken);
            height = Math.Max(height, expansion.Height + 1);
            inlined += expansion.Inlined + 1;
            if (inlined > options.MaxExpandedReferences)
            {
                throw new ApiException(StatusCodes.Status400BadRequest, "schema_expansion_too_large",
                    $"Expanding '{chain[0]}' inlines more than {options.MaxExpandedReferences} schema documents.");
            }
            var replacement = Relocated(expansion.Document, pointer);
            if (pointer.Length == 0)
            {
                copy = replacement;
            }
            else
            {
                Replace(schema, replacement);
            }
        }
        return new Expansion(copy, height, inlined);
    }

    private async Task<Expansion> ExpandReferenceAsync(SchemaName from, string pointer, SchemaName target, List<SchemaName> chain, CancellationToken cancellationToken)
    {
        if (chain.Contains(target))
        {
            throw new ApiException(StatusCodes.Status400BadRequest, "schema_reference_cycle",
                $"The schemas refer to each other in a cycle: {string.Join(" -> ", chain.Append(target).Select(n => $"'{n}'"))}.");
        }
        if (!MayRefer(from.Type, target.Type))
        {
            throw new ApiException(StatusCodes.Status400BadRequest, "schema_reference_not_allowed",
                $"'{from}' refers at '{pointer}/$ref' to '{target}': {Describe(from.Type)} may refer only to {AllowedTargets(from.Type)}.");
        }
        if (!_expanded.TryGetValue(target, out var expansion))
        {
            var document = await loadCurrent(target, cancellationToken)
                ?? throw new ApiException(StatusCodes.Status400BadRequest, "schema_reference_unknown",
                    $"'{from}' refers at '{pointer}/$ref' to '{target}', which does not exist.");
            expansion = await ExpandAsync(target, document, [.. chain, target], cancellationToken);
            _expanded[target] = expansion;
        }
        if (chain.Count + expansion.Height > options.MaxReferenceDepth)
        {
            throw new ApiException(StatusCodes.Status400BadRequest, "schema_reference_too_deep",
                $"'{chain[0]}' refers through more than {options.MaxReferenceDepth} schemas in a chain (via {string.Join(" -> ", chain.Append(target).Select(n => $"'{n}'"))}).");
        }
        return expansion;
    }

    /// <summary>A system schema must not change because a user changed theirs; user schemas are private.</summary>
    private static bool MayRefer(string from, string to) => from switch
    {
        SchemaType.System => to == SchemaType.System,
        SchemaType.Public => to is SchemaType.System or SchemaType.Public,
        _ => true,
    };

    private static string Describe(string type) => type == SchemaType.System ? "a system schema" : "a public schema";

    private static string AllowedTargets(string type) => type == SchemaType.System ? "system schemas" : "system and public schemas";

    /// <summary>A copy of an expanded document to sit at <paramref name="pointer"/> of another: its `#...` references follow it.</summary>
    private static JsonObject Relocated(JsonObject document, string pointer)
    {
        var copy = document.DeepClone().AsObject();
        copy.Remove("$id");
        copy.Remove("$schema");
        foreach (var (schema, _) in SchemaKeywords.Subschemas(copy))
        {
            if (schema["$ref"] is JsonValue reference && reference.GetValue<string>() is var text && (text == "#" || text.StartsWith("#/", StringComparison.Ordinal)))
            {
                schema["$ref"] = "#" + FragmentOf(pointer) + text[1..];
            }
        }
        return copy;
    }

    /// <summary>A JSON pointer as a URI fragment: each token percent-encoded.</summary>
    private static string FragmentOf(string pointer) => string.Join('/', pointer.Split('/').Select(Uri.EscapeDataString));

    private static void Replace(JsonObject schema, JsonObject replacement)
    {
        switch (schema.Parent)
        {
            case JsonObject parent:
                parent[schema.GetPropertyName()] = replacement;
                break;
            case JsonArray parent:
                parent[schema.GetElementIndex()] = replacement;
                break;
        }
    }
}
