using System.Net;
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
        var (alice, carol) = await TwoUsersAsync();
        var (a, b, c, d, parent) = (await Owned(alice), await Owned(alice), await Owned(alice), await Owned(alice), await Owned(alice));
        await Relate(a, b);
        await Relate(a, c);
        await Relate(b, d);
        await Relate(parent, a);

        var answer = await app.GrantedAsync(alice.Bearer, a.Key, carol.Id, "VIEWS");

        Assert.Equal([a.Key, b.Key, c.Key, d.Key], answer.Ends());
        Assert.Empty(answer.Skipped());
        var made = await MadeByAsync(answer.GrantId());
        Assert.Equal(4, made.Count);
        Assert.All(made, r => Assert.Equal("VIEWS", r.Type));
        Assert.DoesNotContain(made, r => r.EndId == parent.Id);
    }

    [Fact]
    public async Task A_node_reached_on_two_paths_of_a_DAG_is_granted_once()
    {
        var (alice, carol) = await TwoUsersAsync();
        var (a, b, c, d) = (await Owned(alice), await Owned(alice), await Owned(alice), await Owned(alice));
        await Relate(a, b);
        await Relate(a, c);
        await Relate(b, d);
        await Relate(c, d);
        await Relate(c, d, "ALSO_PART");

        var answer = await app.GrantedAsync(alice.Bearer, a.Key, carol.Id, "EDITS");

        Assert.Equal([a.Key, b.Key, c.Key, d.Key], answer.Ends());
        Assert.Equal(4, (await MadeByAsync(answer.GrantId())).Count);
    }

    [Fact]
    public async Task Cycles_and_self_loops_end_the_walk()
    {
        var (alice, carol) = await TwoUsersAsync();
        var (a, b, c) = (await Owned(alice), await Owned(alice), await Owned(alice));
        await Relate(a, b);
        await Relate(b, c);
        await Relate(c, a);
        await Relate(b, b);

        var answer = await app.GrantedAsync(alice.Bearer, a.Key, carol.Id, "VIEWS");

        Assert.Equal([a.Key, b.Key, c.Key], answer.Ends());
        Assert.Equal(3, (await MadeByAsync(answer.GrantId())).Count);
    }

    [Fact]
    public async Task Sub_objects_the_caller_does_not_administer_are_skipped_not_walked_and_listed_only_when_visible()
    {
        var (alice, carol) = await TwoUsersAsync();
        var bob = await GraphUser.CreateAsync(app);
        var aliceNode = await app.UserNodeAsync(alice);
        var a = await Owned(alice);
        var (viewed, edited, publicOne, hidden) = (await Owned(bob), await Owned(bob), await Owned(bob), await Owned(bob));
        var behindViewed = await Owned(alice);
        await app.RelationshipAsync(aliceNode, viewed.Id, "VIEWS");
        await app.RelationshipAsync(aliceNode, edited.Id, "EDITS");
        await app.RelationshipAsync(await PublicNodeAsync(), publicOne.Id, "VIEWS");
        foreach (var sub in new[] { viewed, edited, publicOne, hidden })
        {
            await Relate(a, sub);
        }
        await Relate(viewed, behindViewed);

        var answer = await app.GrantedAsync(alice.Bearer, a.Key, carol.Id, "VIEWS");

        Assert.Equal([a.Key], answer.Ends());
        Assert.Equal(new[] { viewed.Key, edited.Key, publicOne.Key }.Order(), answer.Skipped().Order());
        Assert.DoesNotContain(hidden.Key.ToString(), answer.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.Single(await MadeByAsync(answer.GrantId()));
    }

    [Fact]
    public async Task Sub_objects_administered_through_a_group_or_a_direct_ADMINS_grant_are_granted_and_walked()
    {
        var (alice, carol) = await TwoUsersAsync();
        var bob = await GraphUser.CreateAsync(app);
        var group = await app.GroupAsync(alice);
        var a = await Owned(alice);
        var (viaGroup, viaGrant, below) = (await Owned(bob), await Owned(bob), await Owned(bob));
        await app.RelationshipAsync(group.Id, viaGroup.Id, "ADMINS");
        await app.RelationshipAsync(await app.UserNodeAsync(alice), viaGrant.Id, "ADMINS");
        await app.RelationshipAsync(group.Id, below.Id, "ADMINS");
        await Relate(a, viaGroup);
        await Relate(viaGroup, viaGrant);
        await Relate(viaGrant, below);

        var answer = await app.GrantedAsync(alice.Bearer, a.Key, carol.Id, "ADMINS");

        Assert.Equal([a.Key, viaGroup.Key, viaGrant.Key, below.Key], answer.Ends());
    }

    [Fact]
    public async Task Without_cascade_only_the_object_is_granted()
    {
        var (alice, carol) = await TwoUsersAsync();
        var (a, b) = (await Owned(alice), await Owned(alice));
        await Relate(a, b);

        var answer = await app.GrantedAsync(alice.Bearer, a.Key, carol.Id, "VIEWS", cascade: false);

        Assert.Equal([a.Key], answer.Ends());
        Assert.Single(await MadeByAsync(answer.GrantId()));
    }

    [Fact]
    public async Task The_cascade_is_a_snapshot_relationships_changed_later_change_no_grant()
    {
        var (alice, carol) = await TwoUsersAsync();
        var (a, b, later) = (await Owned(alice), await Owned(alice), await Owned(alice));
        await Relate(a, b);
        var answer = await app.GrantedAsync(alice.Bearer, a.Key, carol.Id, "VIEWS");

        await (await app.RelateAsync(alice.Bearer, new { from = a.Key, to = later.Key, type = Part })).AssertOkAsync();
        Assert.Equal("\"Success\"", await (await app.UnrelateAsync(alice.Bearer, new { from = a.Key, to = b.Key, type = Part })).Content.ReadAsStringAsync());

        var made = await MadeByAsync(answer.GrantId());
        Assert.Equal(new[] { a.Id, b.Id }.Order(), made.Select(r => r.EndId).Order());
    }

    [Fact]
    public async Task Revoking_a_grant_removes_exactly_its_cascade()
    {
        var (alice, carol) = await TwoUsersAsync();
        var dave = await GraphUser.CreateAsync(app);
        var (a, b, c) = (await Owned(alice), await Owned(alice), await Owned(alice));
        await Relate(a, b);
        await Relate(b, c);
        var other = await app.GrantedAsync(alice.Bearer, a.Key, dave.Id, "VIEWS");
        var before = await TableAsync();

        var grant = await app.GrantedAsync(alice.Bearer, a.Key, carol.Id, "EDITS");
        Assert.Equal(3, (await MadeByAsync(grant.GrantId())).Count);
        await AssertRevokedAsync(alice, grant.GrantId());

        Assert.Equal(before, await TableAsync());
        Assert.Equal(3, (await MadeByAsync(other.GrantId())).Count);
    }

    [Fact]
    public async Task Revoking_one_cascaded_grant_removes_only_it()
    {
        var (alice, carol) = await TwoUsersAsync();
        var (a, b, c) = (await Owned(alice), await Owned(alice), await Owned(alice));
        await Relate(a, b);
        await Relate(b, c);
        var grant = await app.GrantedAsync(alice.Bearer, a.Key, carol.Id, "VIEWS");
        var cascadedOnB = grant.GetProperty("relationships")[1].GetProperty("p_id").GetString()!;

        await AssertRevokedAsync(alice, cascadedOnB);

        var left = await MadeByAsync(grant.GrantId());
        Assert.Equal(new[] { a.Id, c.Id }.Order(), left.Select(r => r.EndId).Order());
    }

    [Fact]
    public async Task A_direct_grant_and_a_cascaded_one_on_the_same_object_survive_each_others_revocation()
    {
        var (alice, carol) = await TwoUsersAsync();
        var (a, b) = (await Owned(alice), await Owned(alice));
        await Relate(a, b);
        var cascading = await app.GrantedAsync(alice.Bearer, a.Key, carol.Id, "VIEWS");
        var direct = await app.GrantedAsync(alice.Bearer, b.Key, carol.Id, "VIEWS");
        Assert.NotEqual(cascading.GetProperty("relationships")[1].GetProperty("p_id").GetString(), direct.GrantId());

        await AssertRevokedAsync(alice, cascading.GrantId());
        Assert.Single(await MadeByAsync(direct.GrantId()));

        var again = await app.GrantedAsync(alice.Bearer, a.Key, carol.Id, "VIEWS");
        await AssertRevokedAsync(alice, direct.GrantId());
        Assert.Equal(2, (await MadeByAsync(again.GrantId())).Count);
    }

    [Fact]
    public async Task Repeating_a_direct_grant_answers_the_existing_grant_and_its_cascade()
    {
        var (alice, carol) = await TwoUsersAsync();
        var (a, b, later) = (await Owned(alice), await Owned(alice), await Owned(alice));
        await Relate(a, b);
        var first = await app.GrantedAsync(alice.Bearer, a.Key, carol.Id, "VIEWS");
        await Relate(b, later);

        var second = await app.GrantedAsync(alice.Bearer, a.Key, carol.Id, "VIEWS");

        Assert.Equal(first.GetProperty("relationships").GetRawText(), second.GetProperty("relationships").GetRawText());
        Assert.Equal(2, (await MadeByAsync(first.GrantId())).Count);
        var stronger = await app.GrantedAsync(alice.Bearer, a.Key, carol.Id, "EDITS");
        Assert.NotEqual(first.GrantId(), stronger.GrantId());
        Assert.Equal(3, stronger.Ends().Count);
    }

    [Fact]
    public async Task A_grant_to_a_group_cascades_like_one_to_a_user()
    {
        var (alice, carol) = await TwoUsersAsync();
        var group = await app.GroupAsync(carol);
        var (a, b) = (await Owned(alice), await Owned(alice));
        await Relate(a, b);

        var answer = await app.GrantedAsync(alice.Bearer, a.Key, group.Key, "VIEWS", toGroup: true);

        Assert.Equal([a.Key, b.Key], answer.Ends());
        Assert.All(answer.GetProperty("relationships").EnumerateArray(), r => Assert.Equal($"urn:group:{group.Key}", r.GetProperty("start").GetString()));
        Assert.Equal(group.Key.ToString(), answer.GetProperty("profile_objects")[0].GetProperty("g_id").GetString());
    }

    private async Task AssertRevokedAsync(GraphUser caller, string pId)
    {
        var response = await app.RevokeAsync(caller.Bearer, pId);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("null", await response.Content.ReadAsStringAsync());
    }

    private async Task<(GraphUser, GraphUser)> TwoUsersAsync() => (await GraphUser.CreateAsync(app), await GraphUser.CreateAsync(app));

    private Task<long> PublicNodeAsync() => app.WithDbAsync(db => db.GraphNodes.Where(n => n.Key == PublicGroup.Key).Select(n => n.Id).SingleAsync());

    private Task<List<GraphRelationship>> MadeByAsync(string pId) =>
        app.WithDbAsync(db => db.GraphRelationships.AsNoTracking().Where(r => r.OriginId == Guid.Parse(pId)).ToListAsync());

    private Task<List<string>> TableAsync() => GraphTable.SnapshotAsync(app);

    private Task<GraphNode> Owned(GraphUser owner) => app.OwnedObjectAsync(owner);

    private Task<GraphRelationship> Relate(GraphNode from, GraphNode to, string type = Part) => app.RelationshipAsync(from.Id, to.Id, type);
}
