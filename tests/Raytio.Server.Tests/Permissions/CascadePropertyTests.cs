using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Features.Graph;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Permissions;

/// <summary>
/// The cascade against an independent computation, on random graphs (seeded, so a failure names
/// its graph): granting with cascade gives exactly the objects a BFS through administered objects
/// reaches, skips exactly the visible others, and revoking leaves graph_relationships as it was.
/// </summary>
public sealed class CascadePropertyTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 30)];

    /// <summary>The cases of one host share their three users: signing up 90 would hit the signup throttle.</summary>
    private static readonly ConditionalWeakTable<RaytioFactory, Task<(GraphUser, GraphUser, GraphUser)>> UsersOf = new();

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Grant_then_revoke_matches_the_BFS_and_leaves_no_residue(int seed)
    {
        var random = new Random(seed);
        var (caller, other, grantee) = await UsersOf.GetValue(app, CreateUsersAsync);
        var callersGroup = await app.GroupAsync(caller);
        var granteeGroup = await app.GroupAsync(grantee);
        var graph = await RandomGraph.SeedAsync(app, random, caller, other, callersGroup);
        var (type, toGroup, granteeKey) = random.Next(4) switch
        {
            0 => ("VIEWS", true, PublicGroup.Key),
            1 => ("ADMINS", true, granteeGroup.Key),
            2 => ("EDITS", false, grantee.Id),
            _ => ("VIEWS", false, grantee.Id),
        };
        // The grantee may already hold the permission on sub objects; the cascade grants anew.
        // (Not PUBLIC: that would also change what the caller may see.)
        var granteeNode = toGroup ? await app.WithDbAsync(db => db.GraphNodes.Where(n => n.Key == granteeKey).Select(n => n.Id).SingleAsync()) : await app.UserNodeAsync(grantee);
        foreach (var node in graph.Nodes.Skip(1).Where(_ => random.Next(5) == 0 && granteeKey != PublicGroup.Key))
        {
            await app.RelationshipAsync(granteeNode, node.Id, type);
        }
        var before = await GraphTable.SnapshotAsync(app);
        var (granted, skipped) = graph.Expected();

        var answer = await app.GrantedAsync(caller.Bearer, graph.Nodes[0].Key, granteeKey, type, toGroup: toGroup);

        Assert.Equal([graph.Nodes[0].Key, .. granted], answer.Ends());
        Assert.Equal(skipped, answer.Skipped());
        var pId = Guid.Parse(answer.GrantId());
        var made = await app.WithDbAsync(db => db.GraphRelationships.AsNoTracking().Where(r => r.OriginId == pId).ToListAsync());
        Assert.All(made, r => Assert.Equal((granteeNode, type), (r.StartId, r.Type)));
        Assert.Equal(granted.Count + 1, made.Count);
        var during = await GraphTable.SnapshotAsync(app);
        Assert.Equal(before.Count + made.Count, during.Count);
        Assert.Subset(during.ToHashSet(), before.ToHashSet());

        await (await app.RevokeAsync(caller.Bearer, pId.ToString())).AssertOkAsync();

        Assert.Equal(before, await GraphTable.SnapshotAsync(app));
    }

    private static async Task<(GraphUser, GraphUser, GraphUser)> CreateUsersAsync(RaytioFactory app) =>
        (await GraphUser.CreateAsync(app), await GraphUser.CreateAsync(app), await GraphUser.CreateAsync(app));
}
