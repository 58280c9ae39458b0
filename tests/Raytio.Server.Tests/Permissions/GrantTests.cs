using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Graph;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Permissions;

/// <summary>Operation 48 (grant) and 49 (list): answers, input errors, grantees, audit.</summary>
public sealed class GrantTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task A_grant_answers_the_reference_shape_and_is_its_own_origin()
    {
        var (alice, carol) = (await GraphUser.CreateAsync(app), await GraphUser.CreateAsync(app));
        var a = await app.OwnedObjectAsync(alice);

        var answer = await app.GrantedAsync(alice.Bearer, a.Key, carol.Id, "VIEWS", cascade: false);

        var pId = answer.GrantId();
        Assert.Equal(
            $$"""{"profile_objects":[{"u_id":"{{carol.Id}}"}],"relationships":[{"start":"urn:user:{{carol.Id}}","end":"urn:profile_object:{{a.Key}}","p_id":"{{pId}}","type":"VIEWS"}],"skipped":[]}""",
            answer.GetRawText());
        var stored = await app.WithDbAsync(db => db.GraphRelationships.SingleAsync(r => r.PId == Guid.Parse(pId)));
        Assert.Equal(stored.PId, stored.OriginId);
        Assert.Equal(a.Id, stored.EndId);
        Assert.Equal(await app.UserNodeAsync(carol), stored.StartId);
    }

    [Fact]
    public async Task Each_grant_is_audited_with_ids_and_type_only()
    {
        var (alice, carol) = (await GraphUser.CreateAsync(app), await GraphUser.CreateAsync(app));
        var (a, b) = (await app.OwnedObjectAsync(alice, """{"secret":"s3cr3t"}"""), await app.OwnedObjectAsync(alice));
        await app.RelationshipAsync(a.Id, b.Id, "HAS_PART");

        var answer = await app.GrantedAsync(alice.Bearer, a.Key, carol.Id, "EDITS");

        var events = await EventsAsync(AuditEventTypes.PermissionGrant, a.Key, b.Key);
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal(alice.Id, e.UserId));
        var onA = JsonDocument.Parse(events.Single(e => e.SubjectId == a.Key).EventJson).RootElement;
        Assert.Equal(answer.GrantId(), onA.GetProperty("p_id").GetString());
        Assert.Equal(answer.GrantId(), onA.GetProperty("origin_id").GetString());
        Assert.Equal("EDITS", onA.GetProperty("type").GetString());
        Assert.Equal(carol.Id.ToString(), onA.GetProperty("u_id").GetString());
        var onB = JsonDocument.Parse(events.Single(e => e.SubjectId == b.Key).EventJson).RootElement;
        Assert.Equal(answer.GrantId(), onB.GetProperty("origin_id").GetString());
        Assert.DoesNotContain("s3cr3t", string.Concat(events.Select(e => e.EventJson)));

        await (await app.RevokeAsync(alice.Bearer, answer.GrantId())).AssertOkAsync();
        Assert.Equal(2, (await EventsAsync(AuditEventTypes.PermissionRevoke, a.Key, b.Key)).Count);
    }

    [Theory]
    [InlineData("""{"u_id":"%U","permission":"OWNS"}""", "permission")]
    [InlineData("""{"u_id":"%U","permission":"views"}""", "permission")]
    [InlineData("""{"u_id":"%U"}""", "permission")]
    [InlineData("""{"permission":"VIEWS"}""", "u_id")]
    [InlineData("""{"u_id":"%U","g_id":"PUBLIC","permission":"VIEWS"}""", "g_id")]
    [InlineData("""{"u_id":"not-a-guid","permission":"VIEWS"}""", "u_id")]
    [InlineData("""{"g_id":"everyone","permission":"VIEWS"}""", "g_id")]
    [InlineData("""{"g_id":"PUBLIC","permission":"EDITS"}""", "permission")]
    [InlineData("""{"g_id":"PUBLIC","permission":"ADMINS"}""", "permission")]
    [InlineData("""{"u_id":"%U","permission":"VIEWS","cascade":"yes"}""", "cascade")]
    [InlineData("""{"u_id":42,"permission":"VIEWS"}""", "u_id")]
    public async Task Bad_input_answers_400_naming_the_field(string body, string field)
    {
        var (alice, carol) = (await GraphUser.CreateAsync(app), await GraphUser.CreateAsync(app));
        var a = await app.OwnedObjectAsync(alice);

        var response = await app.SendJsonTextAsync(HttpMethod.Post, $"/db/v1/profile_objects/{a.Key}/permissions", body.Replace("%U", carol.Id.ToString()), alice.Bearer);

        var error = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(error.GetProperty("errors").TryGetProperty(field, out _), error.GetRawText());
        Assert.Empty(await ListedAsync(alice, a, "VIEWS"));
    }

    [Fact]
    public async Task IS_OWNER_is_not_granted_here()
    {
        var (alice, carol) = (await GraphUser.CreateAsync(app), await GraphUser.CreateAsync(app));
        var a = await app.OwnedObjectAsync(alice);

        await (await app.GrantAsync(alice.Bearer, a.Key, new { u_id = carol.Id, permission = "IS_OWNER" })).AssertErrorAsync(HttpStatusCode.BadRequest, "use_owner_endpoints");
    }

    [Fact]
    public async Task A_malformed_object_id_answers_400_and_unknown_grantees_404()
    {
        var alice = await GraphUser.CreateAsync(app);
        var a = await app.OwnedObjectAsync(alice);

        var malformed = await app.SendJsonTextAsync(HttpMethod.Post, "/db/v1/profile_objects/xyz/permissions", """{"g_id":"PUBLIC","permission":"VIEWS"}""", alice.Bearer);
        Assert.True((await malformed.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").TryGetProperty("n_id", out _));
        await (await app.GetAsync("/db/v1/profile_objects/xyz/permissions", alice.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await app.GrantAsync(alice.Bearer, a.Key, new { u_id = Guid.NewGuid(), permission = "VIEWS" })).AssertErrorAsync(HttpStatusCode.NotFound, "user_not_found");
        await (await app.GrantAsync(alice.Bearer, a.Key, new { g_id = Guid.NewGuid(), permission = "VIEWS" })).AssertErrorAsync(HttpStatusCode.NotFound, "group_not_found");
        // An object's n_id is not a group.
        await (await app.GrantAsync(alice.Bearer, a.Key, new { g_id = a.Key, permission = "VIEWS" })).AssertErrorAsync(HttpStatusCode.NotFound, "group_not_found");
        Assert.Single((await (await app.ListPermissionsAsync(alice.Bearer, a.Key)).AssertOkAsync()).GetProperty("relationships").EnumerateArray());
    }

    [Fact]
    public async Task PUBLIC_may_be_granted_VIEWS_by_name_or_g_id()
    {
        var alice = await GraphUser.CreateAsync(app);
        var (a, b) = (await app.OwnedObjectAsync(alice), await app.OwnedObjectAsync(alice));

        var byName = await (await app.GrantAsync(alice.Bearer, a.Key, new { g_id = "public", permission = "VIEWS" })).AssertOkAsync();
        var byId = await app.GrantedAsync(alice.Bearer, b.Key, PublicGroup.Key, "VIEWS", toGroup: true);

        foreach (var answer in new[] { byName, byId })
        {
            Assert.Equal(PublicGroup.Key.ToString(), answer.GetProperty("profile_objects")[0].GetProperty("g_id").GetString());
            Assert.Equal($"urn:group:{PublicGroup.Key}", answer.GetProperty("relationships")[0].GetProperty("start").GetString());
        }
    }

    [Fact]
    public async Task ADMINS_may_be_granted_on_a_group_and_nothing_weaker()
    {
        var (alice, carol) = (await GraphUser.CreateAsync(app), await GraphUser.CreateAsync(app));
        var group = await app.GroupAsync(alice);
        await app.RelationshipAsync(await app.UserNodeAsync(alice), group.Id, RelationshipTypes.IsOwner);

        var answer = await app.GrantedAsync(alice.Bearer, group.Key, carol.Id, "ADMINS");

        Assert.Equal($"urn:group:{group.Key}", answer.GetProperty("relationships")[0].GetProperty("end").GetString());
        var error = await (await app.GrantAsync(alice.Bearer, group.Key, new { u_id = carol.Id, permission = "VIEWS" })).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(error.GetProperty("errors").TryGetProperty("permission", out _));
        var listed = await (await app.ListPermissionsAsync(carol.Bearer, group.Key)).AssertOkAsync();
        Assert.Equal(2, listed.GetProperty("relationships").GetArrayLength());
    }

    [Fact]
    public async Task The_list_shows_every_permission_on_the_object_with_its_principals_once()
    {
        var (alice, carol) = (await GraphUser.CreateAsync(app), await GraphUser.CreateAsync(app));
        var group = await app.GroupAsync(carol);
        var (parent, a) = (await app.OwnedObjectAsync(alice), await app.OwnedObjectAsync(alice));
        await app.RelationshipAsync(parent.Id, a.Id, "HAS_PART");
        var cascaded = await app.GrantedAsync(alice.Bearer, parent.Key, carol.Id, "VIEWS");
        var direct = await app.GrantedAsync(alice.Bearer, a.Key, carol.Id, "EDITS");
        var toGroup = await app.GrantedAsync(alice.Bearer, a.Key, group.Key, "ADMINS", toGroup: true);
        var belongs = await app.WithDbAsync(db => db.GraphRelationships.Where(r => r.EndId == group.Id).Select(r => r.PId).SingleAsync());

        var listed = await (await app.ListPermissionsAsync(alice.Bearer, a.Key)).AssertOkAsync();

        Assert.Equal(
            [$$"""{"u_id":"{{alice.Id}}"}""", $$"""{"u_id":"{{carol.Id}}"}""", $$"""{"g_id":"{{group.Key}}"}"""],
            listed.GetProperty("profile_objects").EnumerateArray().Select(p => p.GetRawText()));
        var relationships = listed.GetProperty("relationships").EnumerateArray().ToList();
        Assert.Equal(["IS_OWNER", "VIEWS", "EDITS", "ADMINS"], relationships.Select(r => r.GetProperty("type").GetString()));
        Assert.Equal(
            [cascaded.GetProperty("relationships")[1].GetProperty("p_id").GetString(), direct.GrantId(), toGroup.GrantId()],
            relationships.Skip(1).Select(r => r.GetProperty("p_id").GetString()));
        Assert.All(relationships, r => Assert.Equal($"urn:profile_object:{a.Key}", r.GetProperty("end").GetString()));
        Assert.Equal($"urn:user:{alice.Id}", relationships[0].GetProperty("start").GetString());
        Assert.DoesNotContain(belongs.ToString(), listed.GetRawText());
    }

    private async Task<List<JsonElement>> ListedAsync(GraphUser caller, GraphNode node, string type) =>
        [.. (await (await app.ListPermissionsAsync(caller.Bearer, node.Key)).AssertOkAsync()).GetProperty("relationships").EnumerateArray()
            .Where(r => r.GetProperty("type").GetString() == type)];

    private Task<List<AuditEvent>> EventsAsync(string type, params Guid[] subjects) =>
        app.WithDbAsync(db => db.AuditEvents.Where(e => e.EventType == type && subjects.Contains(e.SubjectId)).ToListAsync());
}
