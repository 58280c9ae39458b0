using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Raytio.Server.Features.Graph;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Groups;

/// <summary>Who may read and change a group: members read, ADMINS holders manage members, only the owner transfers and deletes.</summary>
public sealed class GroupAccessTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task Anonymous_callers_get_401_from_every_group_operation()
    {
        var owner = await GraphUser.CreateAsync(app);
        var group = await app.CreatedGroupAsync(owner);

        foreach (var answer in await EveryOperationAsync(group, bearer: null, owner.Id))
        {
            await answer.AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        }
        await (await app.CreateGroupAsync(null, """{"name":"x"}""")).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await app.GetAsync("/db/v1/groups")).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Strangers_get_404_as_if_the_group_did_not_exist()
    {
        var owner = await GraphUser.CreateAsync(app);
        var stranger = await GraphUser.CreateAsync(app);
        var group = await app.CreatedGroupAsync(owner, "secret name");

        foreach (var answer in await EveryOperationAsync(group, stranger.Bearer, owner.Id))
        {
            var error = await answer.AssertErrorAsync(HttpStatusCode.NotFound, "group_not_found");
            Assert.DoesNotContain("secret", error.GetRawText());
        }
        // Nor may they leave a group they cannot see, and nothing changed.
        await (await app.RemoveMemberAsync(group, stranger.Bearer, stranger.Id)).AssertErrorAsync(HttpStatusCode.NotFound, "group_not_found");
        Assert.Equal(["BELONGS_TO", "IS_OWNER"], await app.RelationshipTypesAsync(await app.UserNodeAsync(owner), group.NodeId));
    }

    [Fact]
    public async Task Unknown_groups_answer_404_and_malformed_g_ids_400()
    {
        var user = await GraphUser.CreateAsync(app);
        var someone = await GraphUser.CreateAsync(app);
        var unknown = new GroupClient.Group(Guid.NewGuid(), 0);
        var anObject = await app.OwnedObjectAsync(user);

        foreach (var answer in await EveryOperationAsync(unknown, user.Bearer, someone.Id))
        {
            await answer.AssertErrorAsync(HttpStatusCode.NotFound, "group_not_found");
        }
        // A profile object's n_id is not a g_id, even for its owner.
        await (await app.GetAsync($"/db/v1/groups/{anObject.Key}", user.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "group_not_found");
        var error = await (await app.GetAsync("/db/v1/groups/not-a-group", user.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(error.GetProperty("errors").TryGetProperty("g_id", out _));
    }

    [Fact]
    public async Task The_PUBLIC_group_cannot_be_read_changed_or_joined()
    {
        var user = await GraphUser.CreateAsync(app);

        foreach (var gId in new[] { "PUBLIC", "public", PublicGroup.Key.ToString() })
        {
            var group = new PathGroup(gId);
            await (await app.GetAsync(group.Path, user.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "group_not_found");
            await (await app.GetAsync($"{group.Path}/users", user.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "group_not_found");
            await (await app.NameUserAsync(HttpMethod.Post, $"{group.Path}/users", user.Bearer, user.Id)).AssertErrorAsync(HttpStatusCode.NotFound, "group_not_found");
            await (await app.NameUserAsync(HttpMethod.Put, $"{group.Path}/owner", user.Bearer, user.Id)).AssertErrorAsync(HttpStatusCode.NotFound, "group_not_found");
            await (await app.SendAsync(HttpMethod.Delete, group.Path, null, user.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "group_not_found");
            await (await app.SendAsync(HttpMethod.Delete, $"{group.Path}/users/{user.Id}", null, user.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "group_not_found");
        }
        Assert.Empty(await app.RelationshipTypesAsync(await app.UserNodeAsync(user), await PublicNodeAsync()));
    }

    [Fact]
    public async Task Members_read_the_group_but_change_nothing_but_their_own_membership()
    {
        var owner = await GraphUser.CreateAsync(app);
        var member = await GraphUser.CreateAsync(app);
        var other = await GraphUser.CreateAsync(app);
        var group = await app.CreatedGroupAsync(owner);
        await (await app.AddMemberAsync(group, owner.Bearer, member.Id)).AssertOkAsync();

        await (await app.GetAsync(group.Path, member.Bearer)).AssertOkAsync();
        await (await app.GetAsync($"{group.Path}/users", member.Bearer)).AssertOkAsync();
        await (await app.AddMemberAsync(group, member.Bearer, other.Id)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await app.RemoveMemberAsync(group, member.Bearer, owner.Id)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await app.TransferGroupAsync(group, member.Bearer, member.Id)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await app.DeleteGroupAsync(group, member.Bearer)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");

        Assert.Empty(await app.RelationshipTypesAsync(await app.UserNodeAsync(other), group.NodeId));
        Assert.Equal(["BELONGS_TO", "IS_OWNER"], await app.RelationshipTypesAsync(await app.UserNodeAsync(owner), group.NodeId));
    }

    [Fact]
    public async Task ADMINS_holders_manage_members_but_neither_transfer_nor_delete()
    {
        var owner = await GraphUser.CreateAsync(app);
        var admin = await GraphUser.CreateAsync(app);
        var newcomer = await GraphUser.CreateAsync(app);
        var group = await app.CreatedGroupAsync(owner);
        await app.RelationshipAsync(await app.UserNodeAsync(admin), group.NodeId, RelationshipTypes.Admins);

        await (await app.GetAsync(group.Path, admin.Bearer)).AssertOkAsync();
        await (await app.AddMemberAsync(group, admin.Bearer, newcomer.Id)).AssertOkAsync();
        await (await app.GetAsync($"{group.Path}/users", newcomer.Bearer)).AssertOkAsync();
        await (await app.RemoveMemberAsync(group, admin.Bearer, newcomer.Id)).AssertOkAsync();
        await (await app.TransferGroupAsync(group, admin.Bearer, admin.Id)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await app.DeleteGroupAsync(group, admin.Bearer)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");

        // ADMINS through another group counts too.
        var admins = await app.CreatedGroupAsync(owner, "administrators");
        await app.RelationshipAsync(admins.NodeId, group.NodeId, RelationshipTypes.Admins);
        await (await app.AddMemberAsync(admins, owner.Bearer, newcomer.Id)).AssertOkAsync();
        await (await app.AddMemberAsync(group, newcomer.Bearer, admin.Id)).AssertOkAsync();
    }

    [Fact]
    public async Task Members_of_a_group_hold_what_the_group_is_granted_until_they_leave()
    {
        var owner = await GraphUser.CreateAsync(app);
        var member = await GraphUser.CreateAsync(app);
        var group = await app.CreatedGroupAsync(owner);
        await (await app.AddMemberAsync(group, owner.Bearer, member.Id)).AssertOkAsync();
        var shared = await app.OwnedObjectAsync(owner);
        await app.RelationshipAsync(group.NodeId, shared.Id, RelationshipTypes.Views);

        Assert.Equal(Permission.View, await EffectiveAsync(member, shared.Id));
        // Visible, so taking it answers 403 (VIEWS is not enough), not 404.
        await (await app.SendAsync(HttpMethod.Post, $"/db/v1/profile_objects/{shared.Key}/owner", null, member.Bearer)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");

        await (await app.RemoveMemberAsync(group, member.Bearer, member.Id)).AssertOkAsync();
        Assert.Equal(Permission.None, await EffectiveAsync(member, shared.Id));
        await (await app.SendAsync(HttpMethod.Post, $"/db/v1/profile_objects/{shared.Key}/owner", null, member.Bearer))
            .AssertErrorAsync(HttpStatusCode.NotFound, "profile_object_not_found");
    }

    private sealed record PathGroup(string GId)
    {
        public string Path => $"/db/v1/groups/{GId}";
    }

    private async Task<Permission> EffectiveAsync(GraphUser user, long nodeId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PermissionService>().EffectiveAsync(user.Id, nodeId, CancellationToken.None);
    }

    private Task<long> PublicNodeAsync() =>
        app.WithDbAsync(db => db.GraphNodes.Where(n => n.Key == PublicGroup.Key).Select(n => n.Id).SingleAsync());

    /// <summary>Every operation on one group (51 and 52 name none), with <paramref name="user"/> as the u_id where one is needed.</summary>
    private async Task<List<HttpResponseMessage>> EveryOperationAsync(GroupClient.Group group, string? bearer, Guid user) =>
    [
        await app.GetAsync(group.Path, bearer),
        await app.GetAsync($"{group.Path}/users", bearer),
        await app.TransferGroupAsync(group, bearer, user),
        await app.DeleteGroupAsync(group, bearer),
        await app.AddMemberAsync(group, bearer, user),
        await app.RemoveMemberAsync(group, bearer, user),
        await app.NameUserAsync(HttpMethod.Delete, $"{group.Path}/users", bearer, user),
    ];
}
