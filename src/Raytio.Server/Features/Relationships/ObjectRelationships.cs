using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Graph;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Relationships;

/// <summary>
/// Operations 62-63: relationships between two profile objects, both administered by the caller.
/// Such a relationship belongs to no grant: its origin is the nil GUID, so the unique index on
/// (origin, start, end, type) keeps one relationship per (from, to, type), also under races.
/// </summary>
public sealed class ObjectRelationships(RaytioDbContext db, PermissionService permissions, AuditTrail audit, TimeProvider time)
{
    public static readonly Guid Origin = Guid.Empty;

    public async Task<JsonObject> CreateAsync(Guid caller, RelationshipRequest request, CancellationToken cancellationToken)
    {
        var input = RelationshipInput.Parse(request);
        var (from, to) = await RequireBothAsync(caller, input, cancellationToken);
        if (await db.GraphRelationships.AnyAsync(r => r.StartId == from.Id && r.EndId == to.Id && r.Type == input.Type, cancellationToken))
        {
            throw Exists();
        }
        var pId = Guid.NewGuid();
        var relationship = new GraphRelationship
        {
            PId = pId,
            OriginId = Origin,
            StartId = from.Id,
            EndId = to.Id,
            Type = input.Type,
            PropertiesJson = input.PropertiesJson,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.GraphRelationships.Add(relationship);
        audit.Record(AuditEventTypes.RelationshipCreate, caller, from.Key, await DetailsAsync(relationship, to.Key, JsonNode.Parse(input.PropertiesJson), cancellationToken));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException raced) when (raced.IsUniqueViolation())
        {
            throw Exists();
        }
        var answer = GraphAnswers.Graph([from, to], [relationship]);
        answer["from"] = from.Key.ToString();
        answer["to"] = to.Key.ToString();
        answer["type"] = relationship.Type;
        answer["properties"] = JsonNode.Parse(relationship.PropertiesJson);
        answer["p_id"] = pId.ToString();
        return answer;
    }

    public async Task DeleteAsync(Guid caller, RelationshipRequest request, CancellationToken cancellationToken)
    {
        var input = RelationshipInput.Parse(request with { Properties = null });
        var (from, to) = await RequireBothAsync(caller, input, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var between = db.GraphRelationships.Where(r => r.StartId == from.Id && r.EndId == to.Id && r.Type == input.Type);
        var deleted = await between.AsNoTracking().ToListAsync(cancellationToken);
        if (deleted.Count == 0)
        {
            throw ApiException.NotFound("relationship_not_found", $"No {input.Type} relationship from 'from' to 'to'.");
        }
        await between.ExecuteDeleteAsync(cancellationToken);
        foreach (var relationship in deleted)
        {
            audit.Record(AuditEventTypes.RelationshipDelete, caller, from.Key, await DetailsAsync(relationship, to.Key, properties: null, cancellationToken));
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<(GraphNode From, GraphNode To)> RequireBothAsync(Guid caller, RelationshipInput input, CancellationToken cancellationToken) =>
        (await permissions.RequireAsync(caller, input.From, NodeKind.ProfileObject, Permission.Admin, cancellationToken),
         await permissions.RequireAsync(caller, input.To, NodeKind.ProfileObject, Permission.Admin, cancellationToken));

    /// <summary>Ids and the type; the properties only as an HMAC.</summary>
    private async Task<JsonObject> DetailsAsync(GraphRelationship relationship, Guid to, JsonNode? properties, CancellationToken cancellationToken)
    {
        var details = new JsonObject { ["p_id"] = relationship.PId.ToString(), ["type"] = relationship.Type, ["to"] = to.ToString() };
        if (properties is not null)
        {
            details["properties_hmac"] = await audit.HmacAsync(properties, cancellationToken);
        }
        return details;
    }

    private static ApiException Exists() => ApiException.Conflict("relationship_exists", "This relationship (from, to, type) already exists.");
}
