using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Graph;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Groups;

/// <summary>Operations 51-58 as the owner and members use them: answers, memberships, audit events.</summary>
public sealed class GroupEndpointTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task Creating_a_group_makes_the_caller_its_owner_and_first_member()
    {
        var owner = await GraphUser.CreateAsync(app);

        var answer = await (await app.CreateGroupAsync(owner.Bearer, """{"name":"  Family  "}""")).AssertOkAsync();

        var group = Assert.Single(answer.GetProperty("profile_objects").EnumerateArray());
        Assert.Equal("""["Group"]""", group.GetProperty("labels").GetRawText());
        Assert.Equal("""{"name":"Family"}""", group.GetProperty("properties").GetRawText());
        var gId = Guid.Parse(group.GetProperty("g_id").GetString()!);
        var ownership = Assert.Single(answer.GetProperty("relationships").EnumerateArray());
        Assert.Equal("IS_OWNER", ownership.GetProperty("type").GetString());
        var ownerNode = await app.UserNodeAsync(owner);
        Assert.Equal(ownerNode, ownership.GetProperty("start").GetInt64());
        Assert.Equal(group.GetProperty("id").GetInt64(), ownership.GetProperty("end").GetInt64());
        Assert.Equal(["BELONGS_TO", "IS_OWNER"], await app.RelationshipTypesAsync(ownerNode, group.GetProperty("id").GetInt64()));
        Assert.Equal(1, await app.WithDbAsync(db => db.GraphLabels.CountAsync(l => l.NodeId == group.GetProperty("id").GetInt64() && l.Label == "Group")));
        var created = Assert.Single(await app.AuditOfAsync(gId));
        Assert.Equal(AuditEventTypes.GroupCreate, created.EventType);
        Assert.Equal(owner.Id, created.UserId);
        Assert.DoesNotContain("Family", created.EventJson);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"name":"   "}""")]
    [InlineData("""{"name":42}""")]
    [InlineData("""{"name":null}""")]
    public async Task A_missing_or_blank_name_is_refused_naming_the_field(string body)
    {
        var owner = await GraphUser.CreateAsync(app);

        var error = await (await app.CreateGroupAsync(owner.Bearer, body)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.True(error.GetProperty("errors").TryGetProperty("name", out _));
    }

    [Fact]
    public async Task A_name_may_have_200_characters_but_not_201()
    {
        var owner = await GraphUser.CreateAsync(app);

        await (await app.CreateGroupAsync(owner.Bearer, JsonSerializer.Serialize(new { name = new string('é', 200) }))).AssertOkAsync();
        var error = await (await app.CreateGroupAsync(owner.Bearer, JsonSerializer.Serialize(new { name = new string('a', 201) })))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(error.GetProperty("errors").TryGetProperty("name", out _));
    }

    [Fact]
    public async Task Listing_answers_the_callers_user_node_their_groups_and_memberships()
    {
        var owner = await GraphUser.CreateAsync(app);
        var member = await GraphUser.CreateAsync(app);
        var first = await app.CreatedGroupAsync(owner, "first");
        var second = await app.CreatedGroupAsync(owner, "second");
        await app.CreatedGroupAsync(member, "not the owner's");
        await (await app.AddMemberAsync(first, owner.Bearer, member.Id)).AssertOkAsync();

        var mine = await (await app.GetAsync("/db/v1/groups", owner.Bearer)).AssertOkAsync();

        var nodes = mine.GetProperty("profile_objects").EnumerateArray().ToList();
        Assert.Equal(owner.Id, Guid.Parse(nodes[0].GetProperty("u_id").GetString()!));
        Assert.Equal("""["User"]""", nodes[0].GetProperty("labels").GetRawText());
        Assert.Equal([first.GId, second.GId], nodes.Skip(1).Select(n => Guid.Parse(n.GetProperty("g_id").GetString()!)));
        var memberships = mine.GetProperty("relationships").EnumerateArray().ToList();
        Assert.All(memberships, r => Assert.Equal("BELONGS_TO", r.GetProperty("type").GetString()));
        Assert.All(memberships, r => Assert.Equal(nodes[0].GetProperty("id").GetInt64(), r.GetProperty("start").GetInt64()));
        Assert.Equal([first.NodeId, second.NodeId], memberships.Select(r => r.GetProperty("end").GetInt64()).Order());
    }

    [Fact]
    public async Task A_user_without_groups_lists_nothing()
    {
        var loner = await GraphUser.CreateAsync(app);

        var mine = await (await app.GetAsync("/db/v1/groups", loner.Bearer)).AssertOkAsync();

        Assert.Equal("""{"profile_objects":[],"relationships":[]}""", mine.GetRawText());
    }

    [Fact]
    public async Task A_group_answers_its_owner_and_members_and_the_member_list_answers_the_members()
    {
        var owner = await GraphUser.CreateAsync(app);
        var member = await GraphUser.CreateAsync(app);
        var group = await app.CreatedGroupAsync(owner);
        await (await app.AddMemberAsync(group, owner.Bearer, member.Id)).AssertOkAsync();
        var ownerNode = await app.UserNodeAsync(owner);
        var memberNode = await app.UserNodeAsync(member);

        var one = await (await app.GetAsync(group.Path, member.Bearer)).AssertOkAsync();

        var nodes = one.GetProperty("profile_objects").EnumerateArray().ToList();
        Assert.Equal(group.GId, Guid.Parse(nodes[0].GetProperty("g_id").GetString()!));
        Assert.Equal([ownerNode, memberNode], nodes.Skip(1).Select(n => n.GetProperty("id").GetInt64()));
        Assert.Equal(["IS_OWNER", "BELONGS_TO", "BELONGS_TO"], one.Types());

        var members = await (await app.GetAsync($"{group.Path}/users", owner.Bearer)).AssertOkAsync();
        Assert.Equal([owner.Id, member.Id], members.GetProperty("profile_objects").EnumerateArray().Select(n => Guid.Parse(n.GetProperty("u_id").GetString()!)));
        Assert.Equal(["BELONGS_TO", "BELONGS_TO"], members.Types());
        Assert.Equal([ownerNode, memberNode], members.GetProperty("relationships").EnumerateArray().Select(r => r.GetProperty("start").GetInt64()));
    }

    [Fact]
    public async Task Adding_a_member_twice_changes_nothing_and_answers_the_membership()
    {
        var owner = await GraphUser.CreateAsync(app);
        var member = await GraphUser.CreateAsync(app);
        var group = await app.CreatedGroupAsync(owner);

        var added = await (await app.AddMemberAsync(group, owner.Bearer, member.Id)).AssertOkAsync();
        var again = await (await app.AddMemberAsync(group, owner.Bearer, member.Id)).AssertOkAsync();

        Assert.Equal(["IS_OWNER", "BELONGS_TO"], added.Types());
        Assert.Equal(added.GetRawText(), again.GetRawText());
        Assert.Equal(["BELONGS_TO"], await app.RelationshipTypesAsync(await app.UserNodeAsync(member), group.NodeId));
        var events = await app.AuditOfAsync(group.GId);
        Assert.Single(events, e => e.EventType == AuditEventTypes.GroupMemberAdd && e.EventJson.Contains(member.Id.ToString()));
    }

    [Fact]
    public async Task Concurrent_adds_of_one_user_make_one_membership()
    {
        var owner = await GraphUser.CreateAsync(app);
        var member = await GraphUser.CreateAsync(app);
        var group = await app.CreatedGroupAsync(owner);

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => app.AddMemberAsync(group, owner.Bearer, member.Id))));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
        Assert.Equal(["BELONGS_TO"], await app.RelationshipTypesAsync(await app.UserNodeAsync(member), group.NodeId));
    }

    [Fact]
    public async Task Adding_an_unknown_user_answers_404_user_not_found()
    {
        var owner = await GraphUser.CreateAsync(app);
        var group = await app.CreatedGroupAsync(owner);

        await (await app.AddMemberAsync(group, owner.Bearer, Guid.NewGuid())).AssertErrorAsync(HttpStatusCode.NotFound, "user_not_found");
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"u_id":"not a guid"}""")]
    [InlineData("""{"u_id":7}""")]
    public async Task A_missing_or_malformed_u_id_is_refused_naming_the_field(string body)
    {
        var owner = await GraphUser.CreateAsync(app);
        var group = await app.CreatedGroupAsync(owner);

        foreach (var (method, path) in new[] { (HttpMethod.Post, $"{group.Path}/users"), (HttpMethod.Put, $"{group.Path}/owner"), (HttpMethod.Delete, $"{group.Path}/users") })
        {
            var error = await (await app.SendJsonTextAsync(method, path, body, owner.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
            Assert.True(error.GetProperty("errors").TryGetProperty("u_id", out _), $"{method} {path}");
        }
    }

    [Fact]
    public async Task Removing_a_member_works_by_route_and_by_the_references_body()
    {
        var owner = await GraphUser.CreateAsync(app);
        var first = await GraphUser.CreateAsync(app);
        var second = await GraphUser.CreateAsync(app);
        var group = await app.CreatedGroupAsync(owner);
        await (await app.AddMemberAsync(group, owner.Bearer, first.Id)).AssertOkAsync();
        await (await app.AddMemberAsync(group, owner.Bearer, second.Id)).AssertOkAsync();

        var byRoute = await (await app.RemoveMemberAsync(group, owner.Bearer, first.Id)).AssertOkAsync();
        var byBody = await (await app.NameUserAsync(HttpMethod.Delete, $"{group.Path}/users", owner.Bearer, second.Id)).AssertOkAsync();

        Assert.Equal(["IS_OWNER"], byRoute.Types());
        Assert.Equal(group.GId, Guid.Parse(byBody.GetProperty("profile_objects")[0].GetProperty("g_id").GetString()!));
        Assert.Empty(await app.RelationshipTypesAsync(await app.UserNodeAsync(first), group.NodeId));
        Assert.Empty(await app.RelationshipTypesAsync(await app.UserNodeAsync(second), group.NodeId));
        Assert.Equal(2, (await app.AuditOfAsync(group.GId)).Count(e => e.EventType == AuditEventTypes.GroupMemberRemove));
        await (await app.RemoveMemberAsync(group, owner.Bearer, first.Id)).AssertErrorAsync(HttpStatusCode.NotFound, "member_not_found");
        await (await app.RemoveMemberAsync(group, owner.Bearer, Guid.NewGuid())).AssertErrorAsync(HttpStatusCode.NotFound, "member_not_found");
    }

    [Fact]
    public async Task A_body_u_id_must_agree_with_the_routes()
    {
        var owner = await GraphUser.CreateAsync(app);
        var member = await GraphUser.CreateAsync(app);
        var group = await app.CreatedGroupAsync(owner);
        await (await app.AddMemberAsync(group, owner.Bearer, member.Id)).AssertOkAsync();

        var error = await (await app.NameUserAsync(HttpMethod.Delete, $"{group.Path}/users/{member.Id}", owner.Bearer, owner.Id))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(error.GetProperty("errors").TryGetProperty("u_id", out _));
        await (await app.SendAsync(HttpMethod.Delete, $"{group.Path}/users/not-a-guid", null, owner.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");

        await (await app.NameUserAsync(HttpMethod.Delete, $"{group.Path}/users/{member.Id}", owner.Bearer, member.Id)).AssertOkAsync();
    }

    [Fact]
    public async Task Members_may_leave_and_an_owner_who_leaves_still_owns_the_group()
    {
        var owner = await GraphUser.CreateAsync(app);
        var member = await GraphUser.CreateAsync(app);
        var group = await app.CreatedGroupAsync(owner);
        await (await app.AddMemberAsync(group, owner.Bearer, member.Id)).AssertOkAsync();

        await (await app.RemoveMemberAsync(group, member.Bearer, member.Id)).AssertOkAsync();
        await (await app.GetAsync(group.Path, member.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "group_not_found");

        await (await app.RemoveMemberAsync(group, owner.Bearer, owner.Id)).AssertOkAsync();
        var stillOwned = await (await app.GetAsync(group.Path, owner.Bearer)).AssertOkAsync();
        Assert.Equal(["IS_OWNER"], stillOwned.Types());
        Assert.Equal(2, stillOwned.GetProperty("profile_objects").GetArrayLength()); // the group and its owner's node
        await (await app.AddMemberAsync(group, owner.Bearer, owner.Id)).AssertOkAsync();
        Assert.DoesNotContain(group.GId.ToString(), (await (await app.GetAsync("/db/v1/groups", member.Bearer)).AssertOkAsync()).GetRawText());
    }

    [Fact]
    public async Task Transferring_makes_the_new_owner_a_member_and_leaves_the_old_one_a_member()
    {
        var owner = await GraphUser.CreateAsync(app);
        var heir = await GraphUser.CreateAsync(app);
        var group = await app.CreatedGroupAsync(owner);

        var answer = await (await app.TransferGroupAsync(group, owner.Bearer, heir.Id)).AssertOkAsync();

        var heirNode = await app.UserNodeAsync(heir);
        var ownership = Assert.Single(answer.GetProperty("relationships").EnumerateArray());
        Assert.Equal("IS_OWNER", ownership.GetProperty("type").GetString());
        Assert.Equal(heirNode, ownership.GetProperty("start").GetInt64());
        Assert.Equal(["BELONGS_TO", "IS_OWNER"], await app.RelationshipTypesAsync(heirNode, group.NodeId));
        Assert.Equal(["BELONGS_TO"], await app.RelationshipTypesAsync(await app.UserNodeAsync(owner), group.NodeId));
        await (await app.TransferGroupAsync(group, owner.Bearer, owner.Id)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await app.DeleteGroupAsync(group, owner.Bearer)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        var change = Assert.Single(await app.AuditOfAsync(group.GId), e => e.EventType == AuditEventTypes.GroupOwnerChange);
        Assert.Contains(heir.Id.ToString(), change.EventJson);

        // Naming the current owner changes nothing.
        var same = await (await app.TransferGroupAsync(group, heir.Bearer, heir.Id)).AssertOkAsync();
        Assert.Equal(ownership.GetProperty("p_id").GetString(), same.GetProperty("relationships")[0].GetProperty("p_id").GetString());
        await (await app.TransferGroupAsync(group, heir.Bearer, Guid.NewGuid())).AssertErrorAsync(HttpStatusCode.NotFound, "user_not_found");
    }

    [Fact]
    public async Task Deleting_a_group_removes_its_memberships_and_every_permission_to_or_from_it()
    {
        var owner = await GraphUser.CreateAsync(app);
        var member = await GraphUser.CreateAsync(app);
        var admin = await GraphUser.CreateAsync(app);
        var group = await app.CreatedGroupAsync(owner);
        await (await app.AddMemberAsync(group, owner.Bearer, member.Id)).AssertOkAsync();
        var document = await app.OwnedObjectAsync(owner);
        var page = await app.OwnedObjectAsync(owner);
        var grant = await app.RelationshipAsync(group.NodeId, document.Id, RelationshipTypes.Views);
        var cascaded = await app.CascadedAsync(grant, page.Id);
        await app.RelationshipAsync(await app.UserNodeAsync(admin), group.NodeId, RelationshipTypes.Admins);

        var answer = await app.DeleteGroupAsync(group, owner.Bearer);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("null", await answer.Content.ReadAsStringAsync());
        Assert.Equal(0, await app.WithDbAsync(db => db.GraphRelationships.CountAsync(r => r.StartId == group.NodeId || r.EndId == group.NodeId)));
        Assert.Equal(0, await app.WithDbAsync(db => db.GraphRelationships.CountAsync(r => r.Id == grant.Id || r.Id == cascaded.Id)));
        Assert.Equal(0, await app.WithDbAsync(db => db.GraphNodes.CountAsync(n => n.Id == group.NodeId)));
        Assert.Equal(0, await app.WithDbAsync(db => db.GraphLabels.CountAsync(l => l.NodeId == group.NodeId)));
        Assert.Equal(["IS_OWNER"], await app.RelationshipTypesAsync(await app.UserNodeAsync(owner), document.Id));
        await (await app.GetAsync(group.Path, member.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "group_not_found");
        await (await app.GetAsync(group.Path, owner.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "group_not_found");
        var deleted = Assert.Single(await app.AuditOfAsync(group.GId), e => e.EventType == AuditEventTypes.GroupDelete);
        var counts = JsonDocument.Parse(deleted.EventJson).RootElement; // jsonb on PostgreSQL: compared by value
        Assert.Equal(2, counts.GetProperty("memberships").GetInt32());
        Assert.Equal(4, counts.GetProperty("permissions").GetInt32());
    }
}
