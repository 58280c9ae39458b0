using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Graph;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Schemas;

namespace Raytio.Server.Tests.ProfileObjects;

/// <summary>Operation 35: merge patches of properties, revalidated against each object's schema version; EDITS needed; all or nothing.</summary>
public sealed class UpdateTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task A_merge_patch_changes_removes_and_merges_properties_and_is_audited_by_name_and_hmac()
    {
        var owner = await GraphUser.CreateAsync(app);
        var schema = await app.NewSchemaAsync(owner);
        var created = await app.CreatedObjectAsync(owner, schema, """{"name":"Ada","age":36,"note":"gone","address":{"city":"Wellington","street":"Cuba"}}""");

        var updated = await (await app.UpdateObjectsAsync(owner.Bearer,
            $$$$"""[{"n_id":"{{{{created.NId()}}}}","params":{"age":37,"note":null,"address":{"street":"Secret Lane"}}}]""")).AssertOkAsync();

        var properties = Assert.Single(updated.EnumerateArray()).GetProperty("properties");
        Assert.Equal(37, properties.GetProperty("age").GetInt32());
        Assert.False(properties.TryGetProperty("note", out _));
        Assert.Equal("Wellington", properties.GetProperty("address").GetProperty("city").GetString());
        Assert.Equal("Secret Lane", properties.GetProperty("address").GetProperty("street").GetString());
        var read = await (await app.GetAsync($"/db/v1/profile_objects/{created.NId()}", owner.Bearer)).AssertOkAsync();
        Assert.Equal(properties.GetRawText(), read.GetProperty("properties").GetRawText());
        var audit = (await app.AuditEventsAsync(Guid.Parse(created.NId()))).Single(e => e.EventType == AuditEventTypes.ProfileUpdate);
        Assert.Contains("\"address\"", audit.EventJson);
        Assert.Contains("\"note\"", audit.EventJson);
        Assert.Contains("hmac", audit.EventJson);
        Assert.DoesNotContain("Secret", audit.EventJson);
    }

    [Fact]
    public async Task A_patch_that_breaks_the_schema_answers_400_naming_the_item_and_changes_nothing()
    {
        var owner = await GraphUser.CreateAsync(app);
        var schema = await app.NewSchemaAsync(owner);
        var first = await app.CreatedObjectAsync(owner, schema, """{"name":"a"}""");
        var second = await app.CreatedObjectAsync(owner, schema, """{"name":"b"}""");

        var error = await (await app.UpdateObjectsAsync(owner.Bearer,
            $$$"""[{"n_id":"{{{first.NId()}}}","params":{"age":1}},{"n_id":"{{{second.NId()}}}","params":{"name":null}}]"""))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Contains("name", error.GetProperty("errors").GetProperty("[1].params")[0].GetString());
        var read = await (await app.GetAsync($"/db/v1/profile_objects/{first.NId()}", owner.Bearer)).AssertOkAsync();
        Assert.False(read.GetProperty("properties").TryGetProperty("age", out _));
    }

    [Fact]
    public async Task One_unknown_object_fails_the_whole_array()
    {
        var owner = await GraphUser.CreateAsync(app);
        var schema = await app.NewSchemaAsync(owner);
        var first = await app.CreatedObjectAsync(owner, schema, """{"name":"a"}""");

        var error = await (await app.UpdateObjectsAsync(owner.Bearer,
            $$$"""[{"n_id":"{{{first.NId()}}}","params":{"age":1}},{"n_id":"{{{Guid.NewGuid()}}}","params":{"age":2}}]"""))
            .AssertErrorAsync(HttpStatusCode.NotFound, "profile_object_not_found");

        Assert.True(error.GetProperty("errors").TryGetProperty("[1].n_id", out _));
        var read = await (await app.GetAsync($"/db/v1/profile_objects/{first.NId()}", owner.Bearer)).AssertOkAsync();
        Assert.False(read.GetProperty("properties").TryGetProperty("age", out _));
    }

    [Fact]
    public async Task Labels_replace_the_request_labels_and_the_schema_label_stays()
    {
        var owner = await GraphUser.CreateAsync(app);
        var schema = await app.NewSchemaAsync(owner);
        var created = await app.CreatedObjectAsync(owner, schema, """{"name":"a"}""", """["Old","Older"]""");

        var updated = await (await app.UpdateObjectsAsync(owner.Bearer, $$$"""[{"n_id":"{{{created.NId()}}}","labels":"New"}]""")).AssertOkAsync();

        Assert.Equal(["New", schema], updated[0].GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        var nodeId = created.NodeId();
        var rows = await app.WithDbAsync(db => db.GraphLabels.Where(l => l.NodeId == nodeId).Select(l => l.Label).ToListAsync());
        Assert.Equal(new[] { "New", schema }.Order(StringComparer.Ordinal), rows.Order(StringComparer.Ordinal));
        Assert.Equal("a", updated[0].GetProperty("properties").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Properties_are_validated_against_the_version_the_object_keeps()
    {
        var owner = await GraphUser.CreateAsync(app);
        var bare = SchemaClient.NewName("Versioned");
        await app.CreatedAsync(owner.Bearer, bare, "us", ProfileObjectClient.ThingSchema);
        var created = await app.CreatedObjectAsync(owner, $"us_{bare}", """{"name":"a"}""");
        await (await app.UpdateAsync(owner.Bearer, "us", bare, """{"type":"object","required":["name","colour"]}""")).AssertOkAsync();

        var updated = await (await app.UpdateObjectsAsync(owner.Bearer, $$$"""[{"n_id":"{{{created.NId()}}}","params":{"age":3}}]""")).AssertOkAsync();
        Assert.Equal(1, updated[0].GetProperty("schema_version").GetInt32());
        await (await app.UpdateObjectsAsync(owner.Bearer, $$$"""[{"n_id":"{{{created.NId()}}}","params":{"age":"three"}}]"""))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Editors_may_update_viewers_get_403_strangers_404_and_anonymous_callers_401()
    {
        var owner = await GraphUser.CreateAsync(app);
        var editor = await GraphUser.CreateAsync(app);
        var viewer = await GraphUser.CreateAsync(app);
        var stranger = await GraphUser.CreateAsync(app);
        var schema = await app.NewSchemaAsync(owner);
        var created = await app.CreatedObjectAsync(owner, schema, """{"name":"a"}""");
        await app.GrantAsync(editor, created.NodeId(), RelationshipTypes.Edits);
        await app.GrantAsync(viewer, created.NodeId(), RelationshipTypes.Views);
        await app.MakePublicAsync(created.NodeId());
        var patch = $$$"""[{"n_id":"{{{created.NId()}}}","params":{"age":5}}]""";

        await (await app.UpdateObjectsAsync(viewer.Bearer, patch)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await app.UpdateObjectsAsync(stranger.Bearer, patch)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await app.UpdateObjectsAsync(null, patch)).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        var updated = await (await app.UpdateObjectsAsync(editor.Bearer, patch)).AssertOkAsync();
        Assert.Equal(5, updated[0].GetProperty("properties").GetProperty("age").GetInt32());

        var hidden = await app.CreatedObjectAsync(owner, schema, """{"name":"b"}""");
        await (await app.UpdateObjectsAsync(stranger.Bearer, $$$"""[{"n_id":"{{{hidden.NId()}}}","params":{"age":5}}]"""))
            .AssertErrorAsync(HttpStatusCode.NotFound, "profile_object_not_found");
    }

    [Fact]
    public async Task Wrongly_shaped_bodies_answer_400_naming_the_field()
    {
        var owner = await GraphUser.CreateAsync(app);
        var schema = await app.NewSchemaAsync(owner);
        var created = await app.CreatedObjectAsync(owner, schema, """{"name":"a"}""");
        var nId = created.NId();

        await (await app.UpdateObjectsAsync(owner.Bearer, "[")).AssertErrorAsync(HttpStatusCode.BadRequest, "malformed_json");
        await (await app.UpdateObjectsAsync(owner.Bearer, $$$"""{"n_id":"{{{nId}}}","params":{}}""")).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await app.UpdateObjectsAsync(owner.Bearer, "[]")).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        foreach (var (body, field) in new[]
        {
            ("""[{"n_id":"nope","params":{}}]""", "[0].n_id"),
            ("""[{"params":{}}]""", "[0].n_id"),
            ($$$"""[{"n_id":"{{{nId}}}","params":[1]}]""", "[0].params"),
            ($$$"""[{"n_id":"{{{nId}}}"}]""", "[0].params"),
            ($$$"""[{"n_id":"{{{nId}}}","labels":[""]}]""", "[0].labels"),
            ($$$"""[{"n_id":"{{{nId}}}","params":{}},{"n_id":"{{{nId}}}","params":{}}]""", "[1].n_id"),
        })
        {
            var error = await (await app.UpdateObjectsAsync(owner.Bearer, body)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
            Assert.True(error.GetProperty("errors").TryGetProperty(field, out _), body);
        }
    }
}
