using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Features.Schemas;
using Raytio.Server.Hosting;
using JsonSchema = Json.Schema.JsonSchema;

namespace Raytio.Server.Features.ProfileObjects;

/// <summary>
/// The schemas of profile objects, resolved and compiled once per request: a batch of a thousand
/// objects of one schema builds its validator once.
/// </summary>
public sealed partial class ProfileSchemas(RaytioDbContext db, SchemaRegistry registry, SchemaValidator validator)
{
    /// <summary>A bare name is looked up as system, then public, then the caller's own user schema, so nobody can shadow a system schema.</summary>
    private static readonly string[] BareNameOrder = [SchemaType.System, SchemaType.Public, SchemaType.User];

    private readonly Dictionary<string, SchemaVersion> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, SchemaVersion?> _byId = [];
    private readonly Dictionary<Guid, JsonSchema> _compiled = [];

    /// <summary>The current version of the schema a create names (bare or prefixed); 400 naming <paramref name="field"/> when the caller can see none.</summary>
    public async Task<SchemaVersion> ResolveAsync(string given, Guid caller, string field, CancellationToken cancellationToken)
    {
        if (_byName.TryGetValue(given, out var known))
        {
            return known;
        }
        if (!NamePattern().IsMatch(given))
        {
            throw ApiException.Invalid(field, $"'{field}' must be a schema name: letters, digits and underscores, optionally prefixed (ss_, ps_, us_).");
        }
        List<SchemaName> candidates = SchemaName.ParseFull(given) is { } full
            ? [full]
            : [.. BareNameOrder.Select(type => new SchemaName(type, given))];
        foreach (var name in candidates)
        {
            if (name.Bare.Length <= SchemaName.MaxBareLength && await registry.FindAsync(name, null, caller, cancellationToken) is { } schema)
            {
                _byName[given] = schema;
                return schema;
            }
        }
        throw ApiException.Invalid(field, $"'{field}': no schema '{given}' exists that you can see.");
    }

    /// <summary>The exact version row an object was validated against (null for an object without a schema).</summary>
    public async Task<SchemaVersion?> VersionAsync(Guid? schemaId, CancellationToken cancellationToken)
    {
        if (schemaId is not { } id)
        {
            return null;
        }
        if (!_byId.TryGetValue(id, out var schema))
        {
            _byId[id] = schema = await db.Schemas.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        }
        return schema;
    }

    /// <summary>Validates properties against a schema version (`encrypt: true` properties as ciphertext, <see cref="EncryptedFields"/>); 400 naming <paramref name="field"/> with each problem's place and message.</summary>
    public async Task ValidateAsync(SchemaVersion schema, JsonElement properties, string field, CancellationToken cancellationToken)
    {
        if (!_compiled.TryGetValue(schema.Id, out var compiled))
        {
            _compiled[schema.Id] = compiled = validator.Compile(EncryptedFields.InPlaceOfDeclared(await registry.DocumentAsync(schema, expand: true, cancellationToken)));
        }
        var result = validator.Validate(compiled, properties);
        if (!result.IsValid)
        {
            var problems = result.Violations.Select(v => v.ToString()).ToArray();
            throw new ApiException(StatusCodes.Status400BadRequest, "validation_failed",
                $"'{field}' does not match schema '{schema.Name}' version {schema.Version}: {problems[0]}",
                new Dictionary<string, string[]> { [field] = problems });
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_]{1,103}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
