using Microsoft.EntityFrameworkCore;
using Raytio.Server.Features.Graph;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Permissions;

/// <summary>How the caller holds a sub object, drawn at random; the first two let them administer it.</summary>
internal enum Holding
{
    Owns,
    AdminsDirect,
    AdminsThroughGroup,
    EditsThroughGroup,
    ViewsDirect,
    ViewsThroughPublic,
    Nothing,
}

/// <summary>
/// A random graph of profile objects for the cascade property: a tree, a DAG or a graph with
/// cycles (and self-loops), each object held by the caller in a random way, put straight into the
/// tables. <see cref="Expected"/> is the contract computed independently of the server, by BFS.
/// </summary>
internal sealed class RandomGraph
{
    private static readonly string[] Types = ["HAS_PART", "KNOWS", "REPRESENTED_BY"];

    public required List<GraphNode> Nodes { get; init; }

    public required List<Holding> Holdings { get; init; }

    public required List<(int From, int To, string Type)> Edges { get; init; }

    public static (List<Holding> Holdings, List<(int From, int To, string Type)> Edges) Draw(Random random)
    {
        var count = random.Next(2, 15);
        // Three in five administered, so that walks go deep; the root always is.
        var holdings = Enumerable.Range(0, count)
            .Select(i => i == 0 || random.Next(5) < 3 ? (Holding)random.Next(3) : (Holding)random.Next(3, Enum.GetValues<Holding>().Length))
            .ToList();
        var shape = random.Next(3); // 0 tree, 1 DAG, 2 any direction (cycles)
        var edges = new HashSet<(int, int, string)>();
        for (var i = 1; i < count && shape == 0; i++)
        {
            edges.Add((random.Next(i), i, Types[random.Next(Types.Length)]));
        }
        // At most what the shape allows (a DAG of n nodes has n(n-1)/2 pairs, each with three types).
        var extra = shape == 0 ? 0 : Math.Min(random.Next(count, count * 3 + 1), count * (count - 1) / 2 * Types.Length);
        while (edges.Count < extra)
        {
            var (a, b) = (random.Next(count), random.Next(count));
            if (shape == 1 && a >= b)
            {
                continue;
            }
            edges.Add((a, b, Types[random.Next(Types.Length)]));
        }
        return (holdings, [.. edges]);
    }

    /// <summary>Seeds the graph: objects owned by the caller or by <paramref name="other"/>, the caller's holdings, the edges.</summary>
    public static async Task<RandomGraph> SeedAsync(RaytioFactory app, Random random, GraphUser caller, GraphUser other, GraphNode callersGroup)
    {
        var (holdings, edges) = Draw(random);
        var callerNode = await app.UserNodeAsync(caller);
        var otherNode = await app.UserNodeAsync(other);
        return await app.WithDbAsync(async db =>
        {
            var publicNode = await db.GraphNodes.Where(n => n.Key == PublicGroup.Key).Select(n => n.Id).SingleAsync();
            var now = DateTime.UtcNow;
            var nodes = holdings.Select(_ => new GraphNode { Key = Guid.NewGuid(), Kind = NodeKind.ProfileObject, CreatedAt = now, UpdatedAt = now }).ToList();
            db.GraphNodes.AddRange(nodes);
            await db.SaveChangesAsync();
            void Relate(long start, long end, string type, bool isObjectRelationship = false)
            {
                var pId = Guid.NewGuid();
                db.GraphRelationships.Add(new GraphRelationship { PId = pId, OriginId = isObjectRelationship ? Guid.Empty : pId, StartId = start, EndId = end, Type = type, CreatedAt = now });
            }
            for (var i = 0; i < nodes.Count; i++)
            {
                var id = nodes[i].Id;
                Relate(holdings[i] == Holding.Owns ? callerNode : otherNode, id, RelationshipTypes.IsOwner);
                switch (holdings[i])
                {
                    case Holding.AdminsDirect: Relate(callerNode, id, RelationshipTypes.Admins); break;
                    case Holding.AdminsThroughGroup: Relate(callersGroup.Id, id, RelationshipTypes.Admins); break;
                    case Holding.EditsThroughGroup: Relate(callersGroup.Id, id, RelationshipTypes.Edits); break;
                    case Holding.ViewsDirect: Relate(callerNode, id, RelationshipTypes.Views); break;
                    case Holding.ViewsThroughPublic: Relate(publicNode, id, RelationshipTypes.Views); break;
                }
            }
            foreach (var (from, to, type) in edges)
            {
                Relate(nodes[from].Id, nodes[to].Id, type, isObjectRelationship: true);
            }
            await db.SaveChangesAsync();
            return new RandomGraph { Nodes = nodes, Holdings = holdings, Edges = edges };
        });
    }

    /// <summary>
    /// The contract by breadth-first search: from node 0 along edges, onward only from nodes the
    /// caller administers; reached administered nodes are granted, the others skipped (listed when
    /// the caller holds anything on them).
    /// </summary>
    public (List<Guid> Granted, List<Guid> Skipped) Expected()
    {
        var seen = new HashSet<int> { 0 };
        var queue = new Queue<int>([0]);
        var (granted, skipped) = (new List<int>(), new List<int>());
        while (queue.TryDequeue(out var at))
        {
            foreach (var (_, to, _) in Edges.Where(e => e.From == at))
            {
                if (!seen.Add(to))
                {
                    continue;
                }
                if (Holdings[to] is Holding.Owns or Holding.AdminsDirect or Holding.AdminsThroughGroup)
                {
                    granted.Add(to);
                    queue.Enqueue(to);
                }
                else if (Holdings[to] != Holding.Nothing)
                {
                    skipped.Add(to);
                }
            }
        }
        return ([.. granted.Order().Select(i => Nodes[i].Key)], [.. skipped.Order().Select(i => Nodes[i].Key)]);
    }
}
