using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Graph;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Groups;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Ownership;

/// <summary>Operations 59-61: taking, transferring and giving up the ownership of a profile object.</summary>
public sealed class OwnershipTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task An_ADMINS_holder_takes_an_unowned_object()
    {
        var (admin, node) = await UnownedAsync();

        var answer = await (await TakeAsync(node, admin.Bearer)).AssertOkAsync();

        var taken = Assert.Single(answer.GetProperty("profile_objects").EnumerateArray());
        Assert.Equal(node.Key, Guid.Parse(taken.GetProperty("n_id").GetString()!));
        Assert.Equal("""{"colour":"blue"}""", taken.GetProperty("properties").GetRawText());
        var ownership = Assert.Single(answer.GetProperty("relationships").EnumerateArray());
        Assert.Equal("IS_OWNER", ownership.GetProperty("type").GetString());
        Assert.Equal(await app.UserNodeAsync(admin), ownership.GetProperty("start").GetInt64());
        Assert.Equal(node.Id, ownership.GetProperty("end").GetInt64());
        Assert.Equal(["ADMINS", "IS_OWNER"], await app.RelationshipTypesAsync(await app.UserNodeAsync(admin), node.Id));
        var taking = Assert.Single(await app.AuditOfAsync(node.Key));
        Assert.Equal(AuditEventTypes.OwnerTake, taking.EventType);
        Assert.Equal(admin.Id, taking.UserId);

        await (await TakeAsync(node, admin.Bearer)).AssertErrorAsync(HttpStatusCode.Conflict, "already_owned");
    }

    [Fact]
    public async Task An_owned_object_cannot_be_taken_even_by_its_ADMINS_holders()
    {
        var owner = await GraphUser.CreateAsync(app);
        var admin = await GraphUser.CreateAsync(app);
        var node = await app.OwnedObjectAsync(owner);
        await app.RelationshipAsync(await app.UserNodeAsync(admin), node.Id, RelationshipTypes.Admins);

        await (await TakeAsync(node, admin.Bearer)).AssertErrorAsync(HttpStatusCode.Conflict, "already_owned");
        await (await TakeAsync(node, owner.Bearer)).AssertErrorAsync(HttpStatusCode.Conflict, "already_owned");
    }

    [Fact]
    public async Task Taking_needs_ADMINS_and_answers_404_to_those_who_cannot_see_the_object()
    {
        var (_, node) = await UnownedAsync();
        var viewer = await GraphUser.CreateAsync(app);
        var editor = await GraphUser.CreateAsync(app);
        var stranger = await GraphUser.CreateAsync(app);
        await app.RelationshipAsync(await app.UserNodeAsync(viewer), node.Id, RelationshipTypes.Views);
        await app.RelationshipAsync(await app.UserNodeAsync(editor), node.Id, RelationshipTypes.Edits);

        await (await TakeAsync(node, viewer.Bearer)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await TakeAsync(node, editor.Bearer)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await TakeAsync(node, stranger.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "profile_object_not_found");
        await (await TakeAsync(node, null)).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal(0, await OwnersAsync(node));
    }

    [Fact]
    public async Task ADMINS_through_a_group_is_enough_to_take()
    {
        var (_, node) = await UnownedAsync();
        var groupOwner = await GraphUser.CreateAsync(app);
        var member = await GraphUser.CreateAsync(app);
        var group = await app.CreatedGroupAsync(groupOwner);
        await (await app.AddMemberAsync(group, groupOwner.Bearer, member.Id)).AssertOkAsync();
        await app.RelationshipAsync(group.NodeId, node.Id, RelationshipTypes.Admins);

        await (await TakeAsync(node, member.Bearer)).AssertOkAsync();

        Assert.Equal(["IS_OWNER"], await app.RelationshipTypesAsync(await app.UserNodeAsync(member), node.Id));
    }

    [Fact]
    public async Task Concurrent_takes_of_one_object_make_exactly_one_owner()
    {
        for (var round = 0; round < 3; round++)
        {
            var (first, node) = await UnownedAsync();
            var admins = new List<GraphUser> { first };
            for (var i = 0; i < 5; i++)
            {
                var admin = await GraphUser.CreateAsync(app);
                await app.RelationshipAsync(await app.UserNodeAsync(admin), node.Id, RelationshipTypes.Admins);
                admins.Add(admin);
            }

            var answers = await Task.WhenAll(admins.Select(admin => Task.Run(() => TakeAsync(node, admin.Bearer))));

            Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
            foreach (var lost in answers.Where(a => a.StatusCode != HttpStatusCode.OK))
            {
                await lost.AssertErrorAsync(HttpStatusCode.Conflict, "already_owned");
            }
            Assert.Equal(1, await OwnersAsync(node));
        }
    }

    [Fact]
    public async Task Transferring_hands_IS_OWNER_to_the_named_user()
    {
        var owner = await GraphUser.CreateAsync(app);
        var heir = await GraphUser.CreateAsync(app);
        var node = await app.OwnedObjectAsync(owner, """{"a":1}""", "Note");

        var answer = await (await TransferAsync(node, owner.Bearer, heir.Id)).AssertOkAsync();

        Assert.Equal(node.Key, Guid.Parse(answer.GetProperty("profile_objects")[0].GetProperty("n_id").GetString()!));
        var ownership = Assert.Single(answer.GetProperty("relationships").EnumerateArray());
        Assert.Equal(await app.UserNodeAsync(heir), ownership.GetProperty("start").GetInt64());
        Assert.Equal(["IS_OWNER"], await app.RelationshipTypesAsync(await app.UserNodeAsync(heir), node.Id));
        Assert.Empty(await app.RelationshipTypesAsync(await app.UserNodeAsync(owner), node.Id));
        Assert.Equal(1, await OwnersAsync(node));
        var transfer = Assert.Single(await app.AuditOfAsync(node.Key));
        Assert.Equal(AuditEventTypes.OwnerTransfer, transfer.EventType);
        Assert.Contains(heir.Id.ToString(), transfer.EventJson);
        // The old owner holds nothing now.
        await (await TransferAsync(node, owner.Bearer, owner.Id)).AssertErrorAsync(HttpStatusCode.NotFound, "profile_object_not_found");

        // Naming oneself changes nothing.
        var same = await (await TransferAsync(node, heir.Bearer, heir.Id)).AssertOkAsync();
        Assert.Equal(ownership.GetProperty("p_id").GetString(), same.GetProperty("relationships")[0].GetProperty("p_id").GetString());
    }

    [Fact]
    public async Task Only_the_owner_transfers_and_the_new_owner_must_exist()
    {
        var owner = await GraphUser.CreateAsync(app);
        var admin = await GraphUser.CreateAsync(app);
        var stranger = await GraphUser.CreateAsync(app);
        var node = await app.OwnedObjectAsync(owner);
        await app.RelationshipAsync(await app.UserNodeAsync(admin), node.Id, RelationshipTypes.Admins);

        await (await TransferAsync(node, admin.Bearer, admin.Id)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await TransferAsync(node, stranger.Bearer, stranger.Id)).AssertErrorAsync(HttpStatusCode.NotFound, "profile_object_not_found");
        await (await TransferAsync(node, null, owner.Id)).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await TransferAsync(node, owner.Bearer, Guid.NewGuid())).AssertErrorAsync(HttpStatusCode.NotFound, "user_not_found");
        foreach (var body in new[] { "{}", """{"u_id":"x"}""", """{"u_id":[]}""" })
        {
            var error = await (await app.SendJsonTextAsync(HttpMethod.Put, OwnerPath(node), body, owner.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
            Assert.True(error.GetProperty("errors").TryGetProperty("u_id", out _), body);
        }
        Assert.Equal(["IS_OWNER"], await app.RelationshipTypesAsync(await app.UserNodeAsync(owner), node.Id));
    }

    [Fact]
    public async Task Giving_up_ownership_is_refused_while_nobody_else_administers_the_object()
    {
        var owner = await GraphUser.CreateAsync(app);
        var viewer = await GraphUser.CreateAsync(app);
        var node = await app.OwnedObjectAsync(owner);
        var ownerNode = await app.UserNodeAsync(owner);
        await app.RelationshipAsync(await app.UserNodeAsync(viewer), node.Id, RelationshipTypes.Views);
        await app.RelationshipAsync(ownerNode, node.Id, RelationshipTypes.Admins); // the owner's own ADMINS does not count

        await (await ReleaseAsync(node, owner.Bearer)).AssertErrorAsync(HttpStatusCode.Conflict, "would_orphan");

        Assert.Equal(["ADMINS", "IS_OWNER"], await app.RelationshipTypesAsync(ownerNode, node.Id));
    }

    [Fact]
    public async Task Giving_up_ownership_leaves_the_object_to_its_other_administrators()
    {
        var owner = await GraphUser.CreateAsync(app);
        var admin = await GraphUser.CreateAsync(app);
        var node = await app.OwnedObjectAsync(owner);
        await app.RelationshipAsync(await app.UserNodeAsync(admin), node.Id, RelationshipTypes.Admins);

        await (await ReleaseAsync(node, admin.Bearer)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        var answer = await ReleaseAsync(node, owner.Bearer);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("null", await answer.Content.ReadAsStringAsync());
        Assert.Equal(0, await OwnersAsync(node));
        Assert.Equal(AuditEventTypes.OwnerRelease, Assert.Single(await app.AuditOfAsync(node.Key)).EventType);
        await (await ReleaseAsync(node, owner.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "profile_object_not_found");
        // Unowned again: its administrator may take it.
        await (await TakeAsync(node, admin.Bearer)).AssertOkAsync();
    }

    [Fact]
    public async Task A_group_holding_ADMINS_counts_as_another_administrator()
    {
        var owner = await GraphUser.CreateAsync(app);
        var node = await app.OwnedObjectAsync(owner);
        var group = await app.CreatedGroupAsync(owner);
        await app.RelationshipAsync(group.NodeId, node.Id, RelationshipTypes.Admins);

        await (await ReleaseAsync(node, owner.Bearer)).AssertOkAsync();

        Assert.Equal(0, await OwnersAsync(node));
    }

    [Fact]
    public async Task Strangers_anonymous_callers_and_bad_ids_are_refused_by_every_ownership_operation()
    {
        var owner = await GraphUser.CreateAsync(app);
        var stranger = await GraphUser.CreateAsync(app);
        var node = await app.OwnedObjectAsync(owner);
        var group = await app.CreatedGroupAsync(owner);

        await (await ReleaseAsync(node, stranger.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "profile_object_not_found");
        await (await ReleaseAsync(node, null)).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        foreach (var path in new[] { "/db/v1/profile_objects/nope/owner", $"/db/v1/profile_objects/{group.GId}/owner", $"/db/v1/profile_objects/{Guid.NewGuid()}/owner" })
        {
            var expected = path.Contains("nope") ? HttpStatusCode.BadRequest : HttpStatusCode.NotFound;
            var code = path.Contains("nope") ? "validation_failed" : "profile_object_not_found";
            await (await app.SendAsync(HttpMethod.Post, path, null, owner.Bearer)).AssertErrorAsync(expected, code);
            await (await app.NameUserAsync(HttpMethod.Put, path, owner.Bearer, owner.Id)).AssertErrorAsync(expected, code);
            await (await app.SendAsync(HttpMethod.Delete, path, null, owner.Bearer)).AssertErrorAsync(expected, code);
        }
    }

    /// <summary>An object nobody owns, with ADMINS held by a fresh user (whom it returns).</summary>
    private async Task<(GraphUser Admin, GraphNode Node)> UnownedAsync()
    {
        var admin = await GraphUser.CreateAsync(app);
        var node = await app.OwnedObjectAsync(admin, """{"colour":"blue"}""", "Thing");
        await app.WithDbAsync(db => db.GraphRelationships.Where(r => r.EndId == node.Id).ExecuteDeleteAsync());
        await app.RelationshipAsync(await app.UserNodeAsync(admin), node.Id, RelationshipTypes.Admins);
        return (admin, node);
    }

    private Task<int> OwnersAsync(GraphNode node) =>
        app.WithDbAsync(db => db.GraphRelationships.CountAsync(r => r.EndId == node.Id && r.Type == RelationshipTypes.IsOwner));

    private static string OwnerPath(GraphNode node) => $"/db/v1/profile_objects/{node.Key}/owner";

    private Task<HttpResponseMessage> TakeAsync(GraphNode node, string? bearer) => app.SendAsync(HttpMethod.Post, OwnerPath(node), null, bearer);

    private Task<HttpResponseMessage> TransferAsync(GraphNode node, string? bearer, Guid user) => app.NameUserAsync(HttpMethod.Put, OwnerPath(node), bearer, user);

    private Task<HttpResponseMessage> ReleaseAsync(GraphNode node, string? bearer) => app.SendAsync(HttpMethod.Delete, OwnerPath(node), null, bearer);
}
