using Microsoft.Extensions.DependencyInjection;
using Raytio.Server.Data;
using Raytio.Server.Features.Graph;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Graph;

/// <summary>
/// Puts nodes and relationships straight into the graph tables, for tests of one operation that
/// need a graph around it without going through the others' endpoints.
/// </summary>
public static class GraphSeed
{
    /// <summary>A profile object owned by <paramref name="owner"/> (IS_OWNER from the owner's user node).</summary>
    public static async Task<GraphNode> OwnedObjectAsync(this RaytioFactory app, GraphUser owner, string properties = "{}", params string[] labels)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RaytioDbContext>();
        var ownerNode = await scope.ServiceProvider.GetRequiredService<GraphPrincipals>().UserNodeAsync(owner.Id, CancellationToken.None);
        var now = DateTime.UtcNow;
        var node = new GraphNode
        {
            Key = Guid.NewGuid(),
            Kind = NodeKind.ProfileObject,
            LabelsJson = System.Text.Json.JsonSerializer.Serialize(labels),
            PropertiesJson = properties,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.GraphNodes.Add(node);
        await db.SaveChangesAsync();
        db.GraphLabels.AddRange(labels.Select(label => new GraphLabel { NodeId = node.Id, Label = label }));
        await RelateAsync(db, ownerNode, node.Id, RelationshipTypes.IsOwner);
        return node;
    }

    /// <summary>
    /// A relationship of any type between two nodes: a permission or membership is its own origin,
    /// a relationship between objects has the nil origin (as operation 62 makes it).
    /// </summary>
    public static async Task<GraphRelationship> RelationshipAsync(this RaytioFactory app, long startId, long endId, string type)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await RelateAsync(scope.ServiceProvider.GetRequiredService<RaytioDbContext>(), startId, endId, type);
    }

    /// <summary>A group node, with a BELONGS_TO from each member's user node.</summary>
    public static async Task<GraphNode> GroupAsync(this RaytioFactory app, params GraphUser[] members)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RaytioDbContext>();
        var now = DateTime.UtcNow;
        var group = new GraphNode { Key = Guid.NewGuid(), Kind = NodeKind.Group, LabelsJson = """["Group"]""", PropertiesJson = """{"name":"seeded"}""", CreatedAt = now, UpdatedAt = now };
        db.GraphNodes.Add(group);
        await db.SaveChangesAsync();
        foreach (var member in members)
        {
            var memberNode = await scope.ServiceProvider.GetRequiredService<GraphPrincipals>().UserNodeAsync(member.Id, CancellationToken.None);
            await RelateAsync(db, memberNode, group.Id, RelationshipTypes.BelongsTo);
        }
        return group;
    }

    /// <summary>The node id of a user (made on first use).</summary>
    public static Task<long> UserNodeAsync(this RaytioFactory app, GraphUser user) => app.UserNodeAsync(user.Id);

    /// <summary>The node id of a u_id (made on first use), also of one without an account: a user node is all a graph test may need.</summary>
    public static async Task<long> UserNodeAsync(this RaytioFactory app, Guid userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GraphPrincipals>().UserNodeAsync(userId, CancellationToken.None);
    }

    private static async Task<GraphRelationship> RelateAsync(RaytioDbContext db, long startId, long endId, string type)
    {
        var pId = Guid.NewGuid();
        var origin = RelationshipTypes.IsReserved(type) ? pId : Guid.Empty;
        var relationship = new GraphRelationship { PId = pId, OriginId = origin, StartId = startId, EndId = endId, Type = type, CreatedAt = DateTime.UtcNow };
        db.GraphRelationships.Add(relationship);
        await db.SaveChangesAsync();
        return relationship;
    }
}
