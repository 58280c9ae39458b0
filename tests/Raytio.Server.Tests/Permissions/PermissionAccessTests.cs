using System.Net;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Features.Graph;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Permissions;

/// <summary>Who may grant, list and revoke (48-50): ADMINS or IS_OWNER, directly or through a group; others learn nothing.</summary>
public sealed class PermissionAccessTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task Anonymous_callers_get_401()
    {
        var alice = await GraphUser.CreateAsync(app);
        var a = await app.OwnedObjectAsync(alice);
        var grant = await app.GrantedAsync(alice.Bearer, a.Key, PublicGroup.Key, "VIEWS", toGroup: true);

        await (await app.GrantAsync(null, a.Key, new { g_id = "PUBLIC", permission = "VIEWS" })).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await app.ListPermissionsAsync(null, a.Key)).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await app.RevokeAsync(null, grant.GrantId())).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal(2, await CountAsync(alice, a));
    }

    [Fact]
    public async Task Callers_who_hold_nothing_get_404_as_for_an_unknown_object()
    {
        var (alice, mallory) = (await GraphUser.CreateAsync(app), await GraphUser.CreateAsync(app));
        var a = await app.OwnedObjectAsync(alice);
        var group = await app.GroupAsync(alice);
        var grant = await app.GrantedAsync(alice.Bearer, a.Key, mallory.Id, "VIEWS");
        await (await app.RevokeAsync(alice.Bearer, grant.GrantId())).AssertOkAsync();
        var kept = await app.GrantedAsync(alice.Bearer, a.Key, alice.Id, "EDITS");

        foreach (var node in new[] { a.Key, group.Key, Guid.NewGuid() })
        {
            await (await app.GrantAsync(mallory.Bearer, node, new { u_id = mallory.Id, permission = "ADMINS" })).AssertErrorAsync(HttpStatusCode.NotFound, "profile_object_not_found");
            await (await app.ListPermissionsAsync(mallory.Bearer, node)).AssertErrorAsync(HttpStatusCode.NotFound, "profile_object_not_found");
        }
        await (await app.RevokeAsync(mallory.Bearer, kept.GrantId())).AssertErrorAsync(HttpStatusCode.NotFound, "permission_not_found");
        await (await app.RevokeAsync(mallory.Bearer, Guid.NewGuid().ToString())).AssertErrorAsync(HttpStatusCode.NotFound, "permission_not_found");
        Assert.Equal(2, await CountAsync(alice, a));
    }

    [Theory]
    [InlineData("VIEWS")]
    [InlineData("EDITS")]
    public async Task Holders_of_VIEWS_or_EDITS_get_403(string held)
    {
        var (alice, bob) = (await GraphUser.CreateAsync(app), await GraphUser.CreateAsync(app));
        var a = await app.OwnedObjectAsync(alice);
        var holding = await app.GrantedAsync(alice.Bearer, a.Key, bob.Id, held);

        await (await app.GrantAsync(bob.Bearer, a.Key, new { u_id = bob.Id, permission = "ADMINS" })).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await app.ListPermissionsAsync(bob.Bearer, a.Key)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await app.RevokeAsync(bob.Bearer, holding.GrantId())).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(2, await CountAsync(alice, a));
    }

    [Fact]
    public async Task ADMINS_through_a_group_allows_granting_listing_and_revoking()
    {
        var (alice, bob, carol) = (await GraphUser.CreateAsync(app), await GraphUser.CreateAsync(app), await GraphUser.CreateAsync(app));
        var admins = await app.GroupAsync(bob);
        var a = await app.OwnedObjectAsync(alice);
        await app.GrantedAsync(alice.Bearer, a.Key, admins.Key, "ADMINS", toGroup: true);

        var grant = await app.GrantedAsync(bob.Bearer, a.Key, carol.Id, "EDITS");
        Assert.Equal(3, await CountAsync(bob, a));
        await (await app.RevokeAsync(bob.Bearer, grant.GrantId())).AssertOkAsync();
        Assert.Equal(2, await CountAsync(bob, a));
    }

    [Fact]
    public async Task IS_OWNER_and_relationships_that_are_not_permissions_cannot_be_revoked_here()
    {
        var alice = await GraphUser.CreateAsync(app);
        var (a, b) = (await app.OwnedObjectAsync(alice), await app.OwnedObjectAsync(alice));
        var group = await app.GroupAsync(alice);
        await app.RelationshipAsync(await app.UserNodeAsync(alice), group.Id, RelationshipTypes.IsOwner);
        var owner = (await (await app.ListPermissionsAsync(alice.Bearer, a.Key)).AssertOkAsync()).GrantId();
        var related = await app.RelationshipAsync(a.Id, b.Id, "HAS_PART");
        var membership = await app.WithDbAsync(db => db.GraphRelationships.SingleAsync(r => r.EndId == group.Id && r.Type == RelationshipTypes.BelongsTo));

        await (await app.RevokeAsync(alice.Bearer, owner)).AssertErrorAsync(HttpStatusCode.BadRequest, "use_owner_endpoints");
        await (await app.RevokeAsync(alice.Bearer, related.PId.ToString())).AssertErrorAsync(HttpStatusCode.NotFound, "permission_not_found");
        await (await app.RevokeAsync(alice.Bearer, membership.PId.ToString())).AssertErrorAsync(HttpStatusCode.NotFound, "permission_not_found");
        var malformed = await (await app.RevokeAsync(alice.Bearer, "xyz")).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(malformed.GetProperty("errors").TryGetProperty("p_id", out _));
        Assert.Equal(1, await CountAsync(alice, a));
        Assert.Equal(3, await app.WithDbAsync(db => db.GraphRelationships.CountAsync(r => r.PId == related.PId || r.PId == membership.PId || r.PId == Guid.Parse(owner))));
    }

    [Fact]
    public async Task A_revoked_grant_is_gone_and_revoking_it_again_answers_404()
    {
        var (alice, carol) = (await GraphUser.CreateAsync(app), await GraphUser.CreateAsync(app));
        var a = await app.OwnedObjectAsync(alice);
        var grant = await app.GrantedAsync(alice.Bearer, a.Key, carol.Id, "ADMINS");
        Assert.Equal(2, await CountAsync(carol, a));

        await (await app.RevokeAsync(alice.Bearer, grant.GrantId())).AssertOkAsync();

        await (await app.RevokeAsync(alice.Bearer, grant.GrantId())).AssertErrorAsync(HttpStatusCode.NotFound, "permission_not_found");
        await (await app.ListPermissionsAsync(carol.Bearer, a.Key)).AssertErrorAsync(HttpStatusCode.NotFound, "profile_object_not_found");
        Assert.Equal(1, await CountAsync(alice, a));
    }

    private async Task<int> CountAsync(GraphUser caller, GraphNode node) =>
        (await (await app.ListPermissionsAsync(caller.Bearer, node.Key)).AssertOkAsync()).GetProperty("relationships").GetArrayLength();
}
