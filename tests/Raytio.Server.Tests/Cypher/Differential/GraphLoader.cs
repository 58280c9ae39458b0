using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Raytio.Server.Data;
using Raytio.Server.Features.Graph;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Cypher.Differential;

/// <summary>
/// Writes a generated graph into the server's tables in one go: each node a profile object with
/// its one label and its non-null properties, owned by <c>owner</c> (or with the permission
/// relationships a caller gives); each relationship with `since` as its property when it has
/// one. Answers the node id of each generated key.
/// </summary>
public static class GraphLoader
{
    public static async Task<IReadOnlyDictionary<long, long>> LoadAsync(RaytioFactory app, GeneratedGraph graph, GraphUser owner)
    {
        var ownerNode = await app.UserNodeAsync(owner);
        return await LoadAsync(app, graph, _ => [(ownerNode, RelationshipTypes.IsOwner)]);
    }

    /// <summary>The graph with, on each node, a permission relationship from each (principal node id, type) given for it.</summary>
    public static async Task<IReadOnlyDictionary<long, long>> LoadAsync(
        RaytioFactory app, GeneratedGraph graph, Func<GeneratedNode, IEnumerable<(long Principal, string Type)>> permissions)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RaytioDbContext>();
        var now = DateTime.UtcNow;
        var nodes = graph.Nodes.ToDictionary(n => n.Key, n => new GraphNode
        {
            Key = Guid.NewGuid(),
            Kind = NodeKind.ProfileObject,
            LabelsJson = JsonSerializer.Serialize(new[] { n.Label }),
            PropertiesJson = JsonSerializer.Serialize(n.Properties.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value)),
            CreatedAt = now,
            UpdatedAt = now,
        });
        db.GraphNodes.AddRange(nodes.Values);
        await db.SaveChangesAsync();

        db.GraphLabels.AddRange(graph.Nodes.Select(n => new GraphLabel { NodeId = nodes[n.Key].Id, Label = n.Label }));
        db.GraphRelationships.AddRange(graph.Nodes.SelectMany(n => permissions(n).Select(p => Relationship(p.Principal, nodes[n.Key].Id, p.Type, "{}", now))));
        db.GraphRelationships.AddRange(graph.Relationships.Select(r => Relationship(
            nodes[r.From.Key].Id, nodes[r.To.Key].Id, r.Type, r.Since is { } since ? $$"""{"since":{{since}}}""" : "{}", now)));
        await db.SaveChangesAsync();
        if (TestDatabase.IsPostgres)
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE graph_nodes, graph_labels, graph_relationships");
        }
        return nodes.ToDictionary(n => n.Key, n => n.Value.Id);
    }

    /// <summary>Deletes loaded nodes with their labels and every relationship touching them, so the next graph starts from none.</summary>
    public static async Task UnloadAsync(RaytioFactory app, IEnumerable<long> nodeIds)
    {
        var ids = nodeIds.ToList();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RaytioDbContext>();
        await db.GraphRelationships.Where(r => ids.Contains(r.StartId) || ids.Contains(r.EndId)).ExecuteDeleteAsync();
        await db.GraphLabels.Where(l => ids.Contains(l.NodeId)).ExecuteDeleteAsync();
        await db.GraphNodes.Where(n => ids.Contains(n.Id)).ExecuteDeleteAsync();
    }

    /// <summary>A relationship as the server makes it: a permission is its own origin, one between objects has the nil origin.</summary>
    public static GraphRelationship Relationship(long startId, long endId, string type, string propertiesJson, DateTime createdAt)
    {
        var pId = Guid.NewGuid();
        return new GraphRelationship
        {
            PId = pId,
            OriginId = RelationshipTypes.IsReserved(type) ? pId : Guid.Empty,
            StartId = startId,
            EndId = endId,
            Type = type,
            PropertiesJson = propertiesJson,
            CreatedAt = createdAt,
        };
    }
}
