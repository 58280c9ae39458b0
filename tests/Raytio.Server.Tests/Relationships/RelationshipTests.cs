using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Graph;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Permissions;

namespace Raytio.Server.Tests.Relationships;

/// <summary>Operations 62-63: relationships between two profile objects.</summary>
public sealed class RelationshipTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task Create_answers_both_objects_the_relationship_and_the_request_fields()
    {
        var alice = await GraphUser.CreateAsync(app);
        var (from, to) = (await app.OwnedObjectAsync(alice, """{"name":"A"}""", "Person"), await app.OwnedObjectAsync(alice));

        var answer = await (await app.RelateAsync(alice.Bearer, new { from = from.Key, to = to.Key, type = "REPRESENTED_BY", properties = new { start_date = "2020-06-20" } })).AssertOkAsync();

        var pId = answer.GetProperty("p_id").GetString()!;
        var objects = answer.GetProperty("profile_objects").EnumerateArray().ToList();
        Assert.Equal([from.Key.ToString(), to.Key.ToString()], objects.Select(o => o.GetProperty("n_id").GetString()));
        Assert.Equal(from.Id, objects[0].GetProperty("id").GetInt64());
        Assert.Equal("""{"name":"A"}""", objects[0].GetProperty("properties").GetRawText());
        Assert.Equal("""["Person"]""", objects[0].GetProperty("labels").GetRawText());
        var relationship = Assert.Single(answer.GetProperty("relationships").EnumerateArray());
        Assert.Equal(from.Id, relationship.GetProperty("start").GetInt64());
        Assert.Equal(to.Id, relationship.GetProperty("end").GetInt64());
        Assert.Equal(pId, relationship.GetProperty("p_id").GetString());
        Assert.Equal("REPRESENTED_BY", relationship.GetProperty("type").GetString());
        Assert.Equal("""{"start_date":"2020-06-20"}""", relationship.GetProperty("properties").GetRawText());
        Assert.Equal(from.Key.ToString(), answer.GetProperty("from").GetString());
        Assert.Equal(to.Key.ToString(), answer.GetProperty("to").GetString());
        Assert.Equal("REPRESENTED_BY", answer.GetProperty("type").GetString());
        Assert.Equal("""{"start_date":"2020-06-20"}""", answer.GetProperty("properties").GetRawText());
        var stored = await app.WithDbAsync(db => db.GraphRelationships.SingleAsync(r => r.PId == Guid.Parse(pId)));
        Assert.Equal(Guid.Empty, stored.OriginId);
    }

    [Fact]
    public async Task Properties_default_to_an_empty_object()
    {
        var alice = await GraphUser.CreateAsync(app);
        var (from, to) = (await app.OwnedObjectAsync(alice), await app.OwnedObjectAsync(alice));

        var omitted = await (await app.RelateAsync(alice.Bearer, new { from = from.Key, to = to.Key, type = "A" })).AssertOkAsync();
        var nulled = await (await app.SendJsonTextAsync(HttpMethod.Post, "/db/v1/relationships", $$"""{"from":"{{from.Key}}","to":"{{to.Key}}","type":"B","properties":null}""", alice.Bearer)).AssertOkAsync();

        Assert.Equal("{}", omitted.GetProperty("properties").GetRawText());
        Assert.Equal("{}", nulled.GetProperty("relationships")[0].GetProperty("properties").GetRawText());
    }

    [Theory]
    [InlineData("""{"to":"%T","type":"X"}""", "from")]
    [InlineData("""{"from":"%F","type":"X"}""", "to")]
    [InlineData("""{"from":"%F","to":"%T"}""", "type")]
    [InlineData("""{"from":"nope","to":"%T","type":"X"}""", "from")]
    [InlineData("""{"from":"%F","to":"%F","type":"X"}""", "to")]
    [InlineData("""{"from":"%F","to":"%T","type":"represented_by"}""", "type")]
    [InlineData("""{"from":"%F","to":"%T","type":"1ST"}""", "type")]
    [InlineData("""{"from":"%F","to":"%T","type":"HAS-PART"}""", "type")]
    [InlineData("""{"from":"%F","to":"%T","type":"VIEWS"}""", "type")]
    [InlineData("""{"from":"%F","to":"%T","type":"IS_OWNER"}""", "type")]
    [InlineData("""{"from":"%F","to":"%T","type":"BELONGS_TO"}""", "type")]
    [InlineData("""{"from":"%F","to":"%T","type":"X","properties":[1]}""", "properties")]
    [InlineData("""{"from":"%F","to":"%T","type":"X","properties":"text"}""", "properties")]
    [InlineData("""{"from":"%F","to":"%T","type":7}""", "type")]
    public async Task Bad_input_answers_400_naming_the_field(string body, string field)
    {
        var alice = await GraphUser.CreateAsync(app);
        var (from, to) = (await app.OwnedObjectAsync(alice), await app.OwnedObjectAsync(alice));
        var json = body.Replace("%F", from.Key.ToString()).Replace("%T", to.Key.ToString());

        foreach (var method in new[] { HttpMethod.Post, HttpMethod.Delete })
        {
            if (method == HttpMethod.Delete && field == "properties")
            {
                continue; // delete ignores properties
            }
            var error = await (await app.SendJsonTextAsync(method, "/db/v1/relationships", json, alice.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
            Assert.True(error.GetProperty("errors").TryGetProperty(field, out _), error.GetRawText());
        }
        Assert.Equal(0, await app.WithDbAsync(db => db.GraphRelationships.CountAsync(r => r.StartId == from.Id && r.EndId != from.Id)));
    }

    [Fact]
    public async Task A_type_of_100_characters_is_accepted_and_one_of_101_is_not()
    {
        var alice = await GraphUser.CreateAsync(app);
        var (from, to) = (await app.OwnedObjectAsync(alice), await app.OwnedObjectAsync(alice));

        await (await app.RelateAsync(alice.Bearer, new { from = from.Key, to = to.Key, type = new string('A', 100) })).AssertOkAsync();
        await (await app.RelateAsync(alice.Bearer, new { from = from.Key, to = to.Key, type = new string('A', 101) })).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task The_same_from_to_and_type_twice_answers_409_other_directions_and_types_are_new()
    {
        var alice = await GraphUser.CreateAsync(app);
        var (from, to) = (await app.OwnedObjectAsync(alice), await app.OwnedObjectAsync(alice));
        await (await app.RelateAsync(alice.Bearer, new { from = from.Key, to = to.Key, type = "KNOWS" })).AssertOkAsync();

        await (await app.RelateAsync(alice.Bearer, new { from = from.Key, to = to.Key, type = "KNOWS", properties = new { x = 1 } })).AssertErrorAsync(HttpStatusCode.Conflict, "relationship_exists");
        await (await app.RelateAsync(alice.Bearer, new { from = to.Key, to = from.Key, type = "KNOWS" })).AssertOkAsync();
        await (await app.RelateAsync(alice.Bearer, new { from = from.Key, to = to.Key, type = "LIKES" })).AssertOkAsync();
        Assert.Equal(3, await app.WithDbAsync(db => db.GraphRelationships.CountAsync(r => (r.StartId == from.Id || r.StartId == to.Id) && r.OriginId == Guid.Empty)));
    }

    [Fact]
    public async Task Concurrent_twins_make_one_relationship()
    {
        var alice = await GraphUser.CreateAsync(app);
        var (from, to) = (await app.OwnedObjectAsync(alice), await app.OwnedObjectAsync(alice));

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => app.RelateAsync(alice.Bearer, new { from = from.Key, to = to.Key, type = "TWIN" })));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        Assert.Equal(1, await app.WithDbAsync(db => db.GraphRelationships.CountAsync(r => r.StartId == from.Id && r.Type == "TWIN")));
    }

    [Fact]
    public async Task Delete_answers_Success_then_404_and_leaves_other_relationships()
    {
        var alice = await GraphUser.CreateAsync(app);
        var (from, to) = (await app.OwnedObjectAsync(alice), await app.OwnedObjectAsync(alice));
        await (await app.RelateAsync(alice.Bearer, new { from = from.Key, to = to.Key, type = "KNOWS" })).AssertOkAsync();
        await (await app.RelateAsync(alice.Bearer, new { from = to.Key, to = from.Key, type = "KNOWS" })).AssertOkAsync();
        var before = await GraphTable.SnapshotAsync(app);

        await (await app.UnrelateAsync(alice.Bearer, new { from = from.Key, to = to.Key, type = "LIKES" })).AssertErrorAsync(HttpStatusCode.NotFound, "relationship_not_found");
        var deleted = await app.UnrelateAsync(alice.Bearer, new { from = from.Key, to = to.Key, type = "KNOWS", properties = new { ignored = true } });
        Assert.Equal("Success", (await deleted.AssertOkAsync()).GetString());
        await (await app.UnrelateAsync(alice.Bearer, new { from = from.Key, to = to.Key, type = "KNOWS" })).AssertErrorAsync(HttpStatusCode.NotFound, "relationship_not_found");

        var after = await GraphTable.SnapshotAsync(app);
        Assert.Equal(before.Count - 1, after.Count);
        Assert.Subset(before.ToHashSet(), after.ToHashSet());
        Assert.Single(await app.WithDbAsync(db => db.GraphRelationships.Where(r => r.StartId == to.Id && r.EndId == from.Id).ToListAsync()));
    }

    [Fact]
    public async Task Create_and_delete_are_audited_with_ids_type_and_an_HMAC_of_the_properties()
    {
        var alice = await GraphUser.CreateAsync(app);
        var (from, to) = (await app.OwnedObjectAsync(alice), await app.OwnedObjectAsync(alice));
        var created = await (await app.RelateAsync(alice.Bearer, new { from = from.Key, to = to.Key, type = "KNOWS", properties = new { since = "s3cr3t" } })).AssertOkAsync();
        await (await app.UnrelateAsync(alice.Bearer, new { from = from.Key, to = to.Key, type = "KNOWS" })).AssertOkAsync();

        var events = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.SubjectId == from.Key).OrderBy(e => e.Id).ToListAsync());

        Assert.Equal([AuditEventTypes.RelationshipCreate, AuditEventTypes.RelationshipDelete], events.Select(e => e.EventType));
        Assert.All(events, e => Assert.Equal(alice.Id, e.UserId));
        var create = JsonDocument.Parse(events[0].EventJson).RootElement;
        Assert.Equal(created.GetProperty("p_id").GetString(), create.GetProperty("p_id").GetString());
        Assert.Equal("KNOWS", create.GetProperty("type").GetString());
        Assert.Equal(to.Key.ToString(), create.GetProperty("to").GetString());
        Assert.Equal(64, create.GetProperty("properties_hmac").GetString()!.Length);
        Assert.Equal(created.GetProperty("p_id").GetString(), JsonDocument.Parse(events[1].EventJson).RootElement.GetProperty("p_id").GetString());
        Assert.DoesNotContain("s3cr3t", events[0].EventJson);
    }

    [Fact]
    public async Task Groups_and_users_are_not_profile_objects_here()
    {
        var alice = await GraphUser.CreateAsync(app);
        var a = await app.OwnedObjectAsync(alice);
        var group = await app.GroupAsync(alice);
        await app.RelationshipAsync(await app.UserNodeAsync(alice), group.Id, RelationshipTypes.IsOwner);

        await (await app.RelateAsync(alice.Bearer, new { from = a.Key, to = group.Key, type = "X" })).AssertErrorAsync(HttpStatusCode.NotFound, "profile_object_not_found");
        await (await app.RelateAsync(alice.Bearer, new { from = alice.Id, to = a.Key, type = "X" })).AssertErrorAsync(HttpStatusCode.NotFound, "profile_object_not_found");
    }
}
