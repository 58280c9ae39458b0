using System.Text.Json.Nodes;
using Raytio.Server.Data;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Graph;

namespace Raytio.Server.Features.Groups;

/// <summary>Operation 51: a new group, owned by its creator, who is also its first member.</summary>
public sealed class GroupCreation(RaytioDbContext db, GraphPrincipals principals, AuditTrail audit, TimeProvider time)
{
    public async Task<JsonObject> CreateAsync(Guid caller, CreateGroupRequest request, CancellationToken cancellationToken)
    {
        var name = request.CheckedName();
        var callerNode = await principals.UserNodeAsync(caller, cancellationToken);
        var nameHmac = await audit.HmacAsync(name, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var group = new GraphNode
        {
            Key = Guid.NewGuid(),
            Kind = NodeKind.Group,
            LabelsJson = """["Group"]""",
            PropertiesJson = CreateGroupRequest.Properties(name),
            CreatedAt = now,
            UpdatedAt = now,
        };

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.GraphNodes.Add(group);
        await db.SaveChangesAsync(cancellationToken);
        db.GraphLabels.Add(new GraphLabel { NodeId = group.Id, Label = "Group" });
        var owner = DirectRelationship.Create(callerNode, group.Id, RelationshipTypes.IsOwner, now);
        db.GraphRelationships.AddRange(owner, DirectRelationship.Create(callerNode, group.Id, RelationshipTypes.BelongsTo, now));
        audit.Record(AuditEventTypes.GroupCreate, caller, group.Key, new JsonObject { ["name_hmac"] = nameHmac });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return GraphAnswers.Graph([group], [owner]);
    }
}
