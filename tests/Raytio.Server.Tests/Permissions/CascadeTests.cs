using Microsoft.EntityFrameworkCore;
using Raytio.Server.Features.Graph;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Permissions;

/// <summary>Cascade (operation 48): which sub objects a grant reaches, and what revoking it removes.</summary>
public sealed class CascadeTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    private const string Part = "HAS_PART";

    [Fact]
    public async Task A_tree_is_granted_from_the_object_down_and_nothing_upward()
    {
        var (alice, carol) = (await GraphUser.CreateAsync(app), await GraphUser.CreateAsync(app));
        var (a, b, c, d, parent) = (await Owned(alice), await Owned(alice), await Owned(alice), await Owned(alice), await Owned(alice));
        await Relate(a, b);
        await Relate(a, c);
        await Relate(b, d);
        await Relate(parent, a);

        var answer = await app.GrantedAsync(alice.Bearer, a.Key, carol.Id, "VIEWS");

        Assert.Equal([a.Key, b.Key, c.Key, d.Key], answer.Ends());
        Assert.Empty(answer.Skipped());
        var pId = Guid.Parse(answer.GrantId());
        var made = await app.WithDbAsync(db => db.GraphRelationships.Where(r => r.OriginId == pId).ToListAsync());
        Assert.Equal(4, made.Count);
        Assert.All(made, r => Assert.Equal("VIEWS", r.Type));
        Assert.DoesNotContain(made, r => r.EndId == parent.Id);
    }

    private Task<GraphNode> Owned(GraphUser owner) => app.OwnedObjectAsync(owner);

    private Task<GraphRelationship> Relate(GraphNode from, GraphNode to, string type = Part) => app.RelationshipAsync(from.Id, to.Id, type);
}
