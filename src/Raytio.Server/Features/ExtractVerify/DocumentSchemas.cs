using System.Text.Json;
using Raytio.Server.Features.ProfileObjects;
using Raytio.Server.Features.Schemas;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.ExtractVerify;

/// <summary>Finds the schema a request names, as the caller may see it (system, public, their own user schemas).</summary>
public sealed class DocumentSchemas(ProfileSchemas schemas, SchemaRegistry registry)
{
    /// <summary>
    /// The current version of the schema <paramref name="value"/> names: a string or, as the
    /// reference shows it, an array of one string. 400 naming <paramref name="field"/> when it is
    /// malformed or names no schema the caller can see.
    /// </summary>
    public async Task<DocumentSchema> LoadAsync(JsonElement? value, Guid caller, string field, CancellationToken cancellationToken)
    {
        var given = NameIn(value, field);
        var schema = await schemas.ResolveAsync(given, caller, field, cancellationToken);
        return new DocumentSchema(schema.Name, await registry.DocumentAsync(schema, expand: true, cancellationToken));
    }

    private static string NameIn(JsonElement? value, string field)
    {
        var name = value switch
        {
            { ValueKind: JsonValueKind.String } text => text.GetString(),
            { ValueKind: JsonValueKind.Array } list when list.GetArrayLength() == 1 && list[0].ValueKind == JsonValueKind.String => list[0].GetString(),
            null => throw ApiException.Invalid(field, $"'{field}' is required."),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(name)
            ? throw ApiException.Invalid(field, $"'{field}' must be a schema name, or an array of one schema name.")
            : name;
    }
}
