using Microsoft.EntityFrameworkCore;
using Raytio.Server.Features.Graph;
using Raytio.Server.Tests.Cypher.Differential;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Cypher.Leak;

/// <summary>
/// A generated graph written into the server's tables with its permission facts: the member
/// (signed in, in two groups), a signed-in user with nothing, two other users (user nodes only),
/// one of them in a group the member is not in, and PUBLIC. Objects get an IS_OWNER from their
/// owner's node and a relationship per grant.
/// </summary>
public sealed class LeakWorld
{
    private readonly Dictionary<Viewer, string?> _bearers;

    private LeakWorld(Dictionary<Viewer, string?> bearers, IReadOnlyCollection<long> nodeIds)
    {
        _bearers = bearers;
        NodeIds = nodeIds;
    }

    /// <summary>Every node the world wrote (objects, groups, other users' nodes), for <see cref="GraphLoader.UnloadAsync"/>.</summary>
    public IReadOnlyCollection<long> NodeIds { get; }

    public string? BearerOf(Viewer viewer) => _bearers[viewer];

    public static async Task<LeakWorld> LoadAsync(RaytioFactory app, GeneratedGraph graph, PermissionFacts facts)
    {
        var member = await GraphUser.CreateAsync(app);
        var nobody = await GraphUser.CreateAsync(app);
        await app.UserNodeAsync(nobody);
        var other = await app.UserNodeAsync(Guid.NewGuid());
        var secondOther = await app.UserNodeAsync(Guid.NewGuid());
        var foreignGroup = await app.GroupAsync();
        await app.RelationshipAsync(other, foreignGroup.Id, RelationshipTypes.BelongsTo);
        var principals = new Dictionary<Principal, long>
        {
            [Principal.Caller] = await app.UserNodeAsync(member),
            [Principal.CallerGroup] = (await app.GroupAsync(member)).Id,
            [Principal.SecondCallerGroup] = (await app.GroupAsync(member)).Id,
            [Principal.ForeignGroup] = foreignGroup.Id,
            [Principal.Public] = await app.WithDbAsync(db => db.GraphNodes.Where(n => n.Key == PublicGroup.Key).Select(n => n.Id).SingleAsync()),
            [Principal.OtherUser] = other,
            [Principal.SecondOtherUser] = secondOther,
        };
        var objects = await GraphLoader.LoadAsync(app, graph, node =>
        {
            var o = facts.Objects[node.Key];
            return [(principals[o.Owner], RelationshipTypes.IsOwner), .. o.Grants.Select(g => (principals[g.To], g.Type))];
        });
        var bearers = new Dictionary<Viewer, string?> { [Viewer.Member] = member.Bearer, [Viewer.Nobody] = nobody.Bearer, [Viewer.Anonymous] = null };
        long[] written = [.. objects.Values, principals[Principal.CallerGroup], principals[Principal.SecondCallerGroup], foreignGroup.Id, other, secondOther];
        return new LeakWorld(bearers, written);
    }
}
