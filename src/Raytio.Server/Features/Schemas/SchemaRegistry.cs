using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Raytio.Server.Data;

namespace Raytio.Server.Features.Schemas;

/// <summary>
/// Reads schemas as a given reader may see them: system and public schemas by anyone (also
/// anonymously), a user schema only by its creator; anything else is "not found". Profile objects
/// use <see cref="FindAsync"/> and <see cref="ValidateAsync"/> and keep the version they got.
/// </summary>
public sealed class SchemaRegistry(RaytioDbContext db, SchemaValidator validator, IOptions<SchemaOptions> options)
{
    /// <summary>The given version (the current one when null) of a schema <paramref name="reader"/> may see; null otherwise.</summary>
    public Task<SchemaVersion?> FindAsync(SchemaName name, int? version, Guid? reader, CancellationToken cancellationToken)
    {
        if (!Visible(name.Type, reader, out var namespaceId))
        {
            return Task.FromResult<SchemaVersion?>(null);
        }
        return db.Schemas.AsNoTracking()
            .Where(s => s.Name == name.Full && s.NamespaceId == namespaceId && (version == null ? s.IsCurrent : s.Version == version))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The schemas <paramref name="reader"/> may see, of one type or all (null), by name then version.</summary>
    public async Task<IReadOnlyList<SchemaVersion>> ListAsync(string? type, Guid? reader, bool currentOnly, CancellationToken cancellationToken)
    {
        var readerNamespace = reader ?? SchemaVersion.SharedNamespace;
        var query = db.Schemas.AsNoTracking()
            .Where(s => s.NamespaceId == SchemaVersion.SharedNamespace || (reader != null && s.Type == SchemaType.User && s.NamespaceId == readerNamespace));
        if (type is not null)
        {
            query = query.Where(s => s.Type == type);
        }
        if (currentOnly)
        {
            query = query.Where(s => s.IsCurrent);
        }
        return await query.OrderBy(s => s.Name).ThenBy(s => s.Version).ToListAsync(cancellationToken);
    }

    /// <summary>The document as served: with its `$id`, and with the schemas it refers to inlined when <paramref name="expand"/>.</summary>
    public async Task<JsonObject> DocumentAsync(SchemaVersion schema, bool expand, CancellationToken cancellationToken)
    {
        var name = NameOf(schema);
        var stored = SchemaDocument.Parse(schema.DocumentJson);
        var document = expand ? await ExpanderFor(schema.NamespaceId).ExpandAsync(name, stored, cancellationToken) : stored;
        return SchemaDocument.Served(document, name, options.Value);
    }

    /// <summary>Validates a document against this version of the schema (the schemas it refers to at their current versions).</summary>
    public async Task<SchemaValidationResult> ValidateAsync(SchemaVersion schema, JsonElement document, CancellationToken cancellationToken) =>
        validator.Validate(validator.Compile(await DocumentAsync(schema, expand: true, cancellationToken)), document);

    /// <summary>Expands with the current schemas seen from <paramref name="namespaceId"/> (a user schema's creator).</summary>
    internal SchemaExpander ExpanderFor(Guid namespaceId) => new(options.Value, async (target, cancellationToken) =>
    {
        // The expander allows user schemas only as targets of user schemas, of the same creator.
        var targetNamespace = target.Type == SchemaType.User ? namespaceId : SchemaVersion.SharedNamespace;
        var json = await db.Schemas.AsNoTracking()
            .Where(s => s.Name == target.Full && s.NamespaceId == targetNamespace && s.IsCurrent)
            .Select(s => s.DocumentJson)
            .FirstOrDefaultAsync(cancellationToken);
        return json is null ? null : SchemaDocument.Parse(json);
    });

    internal static SchemaName NameOf(SchemaVersion schema) => new(schema.Type, schema.Name[3..]);

    private static bool Visible(string type, Guid? reader, out Guid namespaceId)
    {
        namespaceId = SchemaType.IsShared(type) ? SchemaVersion.SharedNamespace : reader ?? Guid.Empty;
        return SchemaType.IsShared(type) || (type == SchemaType.User && reader is not null);
    }
}
