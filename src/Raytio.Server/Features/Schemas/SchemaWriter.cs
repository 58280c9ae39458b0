using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Raytio.Server.Data;
using Raytio.Server.Features.Administration;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Schemas;

/// <summary>
/// Operations 41 and 46. Who may write: system schemas only installation administrators; public
/// schemas any user creates, and their creator or an administrator updates; user schemas only
/// their creator (for anyone else they do not exist). A document is stored only when it expands
/// (no cycle, every schema it names exists and may be named) and builds as a validator.
/// </summary>
public sealed class SchemaWriter(
    RaytioDbContext db,
    SchemaRegistry registry,
    SchemaValidator validator,
    InstallationAdministrators administrators,
    IOptions<SchemaOptions> options,
    TimeProvider time)
{
    public async Task<SchemaVersion> CreateAsync(SchemaWriteRequest request, CurrentUser caller, CancellationToken cancellationToken)
    {
        var validation = new Validation().Required("name", request.Name).Required("type", request.Type);
        if (request.Schema is null)
        {
            validation.Add(SchemaDocument.Field, $"'{SchemaDocument.Field}' is required: the draft-07 schema document.");
        }
        if (request.Type is { Length: > 0 } given && !SchemaType.Creatable.Contains(given))
        {
            validation.Add("type", $"'type' must be one of {string.Join(", ", SchemaType.Creatable)}, not '{given}'.");
        }
        validation.ThrowIfAny();

        var name = SchemaName.Resolve("name", request.Name!, request.Type!);
        if (name.Type == SchemaType.System)
        {
            await RequireAdministratorAsync(caller, "create", cancellationToken);
        }
        var namespaceId = name.Type == SchemaType.User ? caller.Id : SchemaVersion.SharedNamespace;
        var document = await CheckedDocumentAsync(request.Schema!.Value, name, namespaceId, cancellationToken);
        if (await db.Schemas.AnyAsync(s => s.Name == name.Full && s.NamespaceId == namespaceId, cancellationToken))
        {
            throw Exists(name);
        }
        var created = NewVersion(name, 1, namespaceId, caller, document);
        db.Schemas.Add(created);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException race) when (race.IsUniqueViolation())
        {
            throw Exists(name);
        }
        return created;
    }

    /// <summary>Adds the next version, which becomes current; earlier versions stay readable.</summary>
    public async Task<SchemaVersion> UpdateAsync(SchemaName name, SchemaWriteRequest request, CurrentUser caller, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        if (request.Schema is null)
        {
            validation.Add(SchemaDocument.Field, $"'{SchemaDocument.Field}' is required: the draft-07 schema document.");
        }
        if (request.Type is { } type && type != name.Type)
        {
            validation.Add("type", $"'type' '{type}' differs from the path's schema_type '{name.Type}'; a schema keeps its type.");
        }
        if (request.Name is { } given && given != name.Bare && given != name.Full)
        {
            validation.Add("name", $"'name' '{given}' differs from the path's schema_ID '{name.Full}'; a schema keeps its name.");
        }
        validation.ThrowIfAny();

        var current = await registry.FindAsync(name, null, caller.Id, cancellationToken) ?? throw SchemaEndpoints.NotFound(name);
        await RequireWriterAsync(current, caller, cancellationToken);
        var document = await CheckedDocumentAsync(request.Schema!.Value, name, current.NamespaceId, cancellationToken);

        var next = NewVersion(name, current.Version + 1, current.NamespaceId, caller, document);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Schemas.Where(s => s.Id == current.Id && s.IsCurrent).ExecuteUpdateAsync(s => s.SetProperty(v => v.IsCurrent, false), cancellationToken);
        db.Schemas.Add(next);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException race) when (race.IsUniqueViolation())
        {
            throw new ApiException(StatusCodes.Status409Conflict, "schema_changed",
                $"'{name}' was changed by another request at the same time; read it and try again.");
        }
        await transaction.CommitAsync(cancellationToken);
        return next;
    }

    private async Task RequireWriterAsync(SchemaVersion current, CurrentUser caller, CancellationToken cancellationToken)
    {
        var allowed = current.Type switch
        {
            SchemaType.User => true, // found in the caller's own namespace
            SchemaType.Public => await FirstCreatorAsync(current, cancellationToken) == caller.Id || await administrators.IsAdministratorAsync(caller.Id, cancellationToken),
            _ => await administrators.IsAdministratorAsync(caller.Id, cancellationToken),
        };
        if (!allowed)
        {
            throw ApiException.Forbidden("forbidden", current.Type == SchemaType.System
                ? $"Only installation administrators may change the system schema '{current.Name}'."
                : $"Only the creator of the public schema '{current.Name}' or an installation administrator may change it.");
        }
    }

    /// <summary>A public schema belongs to whoever created its first version, even after an administrator updated it.</summary>
    private Task<Guid?> FirstCreatorAsync(SchemaVersion schema, CancellationToken cancellationToken) =>
        db.Schemas.Where(s => s.Name == schema.Name && s.NamespaceId == schema.NamespaceId && s.Version == 1)
            .Select(s => s.CreatorId).FirstOrDefaultAsync(cancellationToken);

    private async Task RequireAdministratorAsync(CurrentUser caller, string action, CancellationToken cancellationToken)
    {
        if (!await administrators.IsAdministratorAsync(caller.Id, cancellationToken))
        {
            throw ApiException.Forbidden("forbidden", $"Only installation administrators may {action} system (ss) schemas.");
        }
    }

    /// <summary>The document to store, after every check a read or a validation will rely on.</summary>
    private async Task<JsonObject> CheckedDocumentAsync(JsonElement given, SchemaName name, Guid namespaceId, CancellationToken cancellationToken)
    {
        var document = SchemaDocument.Prepare(given, name, options.Value);
        var expanded = await registry.ExpanderFor(namespaceId).ExpandAsync(name, document, cancellationToken);
        validator.Compile(SchemaDocument.Served(expanded, name, options.Value));
        return document;
    }

    private SchemaVersion NewVersion(SchemaName name, int version, Guid namespaceId, CurrentUser caller, JsonObject document) => new()
    {
        Id = Guid.NewGuid(),
        Name = name.Full,
        Type = name.Type,
        Version = version,
        NamespaceId = namespaceId,
        CreatorId = caller.Id,
        DocumentJson = document.ToJsonString(),
        IsCurrent = true,
        CreatedAt = time.GetUtcNow().UtcDateTime,
    };

    private static ApiException Exists(SchemaName name) => new(StatusCodes.Status409Conflict, "schema_exists",
        $"A schema named '{name}' already exists; PUT /db/v1/schemas/{name.Type}/{name.Bare} adds a version.");
}
