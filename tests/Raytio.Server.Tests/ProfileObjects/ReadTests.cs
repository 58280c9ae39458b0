using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Graph;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.ProfileObjects;

/// <summary>Operations 38-40: what a caller sees, filters, relationships, paging, kvp.</summary>
public sealed class ReadTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    private static string Query(string label) => $"profile_objects={Uri.EscapeDataString($$$"""[{"label":"{{{label}}}"}]""")}";

    [Fact]
    public async Task One_object_is_read_by_those_who_may_view_it_and_recorded()
    {
        var owner = await GraphUser.CreateAsync(app);
        var stranger = await GraphUser.CreateAsync(app);
        var schema = await app.NewSchemaAsync(owner);
        var created = await app.CreatedObjectAsync(owner, schema, """{"name":"a"}""", "\"Person\"");
        var path = $"/db/v1/profile_objects/{created.NId()}";

        var read = await (await app.GetAsync(path, owner.Bearer)).AssertOkAsync();
        Assert.Equal(created.GetRawText(), read.GetRawText());
        await (await app.GetAsync(path, stranger.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "profile_object_not_found");
        await (await app.GetAsync(path)).AssertErrorAsync(HttpStatusCode.NotFound, "profile_object_not_found");
        await (await app.GetAsync(path, "not-a-token")).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await app.GetAsync($"/db/v1/profile_objects/{Guid.NewGuid()}", owner.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "profile_object_not_found");
        await (await app.GetAsync("/db/v1/profile_objects/not-a-uuid", owner.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await app.GetAsync($"{path}?expand=maybe", owner.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");

        await app.MakePublicAsync(created.NodeId());
        await (await app.GetAsync(path)).AssertOkAsync();
        await (await app.GetAsync(path, stranger.Bearer)).AssertOkAsync();
        var reads = app.Services.GetRequiredService<AuditReadBuffer>().Take(100_000);
        Assert.Contains(reads, e => e.SubjectId == Guid.Parse(created.NId()) && e.UserId == owner.Id && e.EventType == AuditEventTypes.ProfileRead);
        Assert.Contains(reads, e => e.SubjectId == Guid.Parse(created.NId()) && e.UserId == null);
    }

    [Fact]
    public async Task Lists_show_what_the_caller_may_view_anonymous_callers_only_public_objects()
    {
        var owner = await GraphUser.CreateAsync(app);
        var viewer = await GraphUser.CreateAsync(app);
        var stranger = await GraphUser.CreateAsync(app);
        var schema = await app.NewSchemaAsync(owner);
        var label = ProfileObjectClient.NewLabel();
        var open = await app.CreatedObjectAsync(owner, schema, """{"name":"open"}""", $"\"{label}\"");
        var shared = await app.CreatedObjectAsync(owner, schema, """{"name":"shared"}""", $"\"{label}\"");
        var closed = await app.CreatedObjectAsync(owner, schema, """{"name":"closed"}""", $"\"{label}\"");
        await app.MakePublicAsync(open.NodeId());
        await app.GrantAsync(viewer, shared.NodeId(), RelationshipTypes.Views);

        Assert.Equal([open.NId(), shared.NId(), closed.NId()], (await (await app.GetAsync($"/db/v1/profile_objects?{Query(label)}", owner.Bearer)).AssertOkAsync()).NIds());
        Assert.Equal([open.NId(), shared.NId()], (await (await app.GetAsync($"/db/v1/profile_objects?{Query(label)}", viewer.Bearer)).AssertOkAsync()).NIds());
        Assert.Equal([open.NId()], (await (await app.GetAsync($"/db/v1/profile_objects?{Query(label)}", stranger.Bearer)).AssertOkAsync()).NIds());
        Assert.Equal([open.NId()], (await (await app.GetAsync($"/db/v1/profile_objects?{Query(label)}")).AssertOkAsync()).NIds());
        Assert.Equal([open.NId()], (await (await app.ReadObjectsAsync(null, $$$"""{"profile_objects":[{"label":"{{{label}}}"}]}""")).AssertOkAsync()).NIds());
        await (await app.GetAsync($"/db/v1/profile_objects?{Query(label)}", "not-a-token")).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Filters_match_by_n_id_by_label_or_by_both_and_by_permission_type()
    {
        var owner = await GraphUser.CreateAsync(app);
        var viewer = await GraphUser.CreateAsync(app);
        var schema = await app.NewSchemaAsync(owner);
        var label = ProfileObjectClient.NewLabel();
        var a = await app.CreatedObjectAsync(owner, schema, """{"name":"a"}""", $"\"{label}\"");
        var b = await app.CreatedObjectAsync(owner, schema, """{"name":"b"}""");
        var c = await app.CreatedObjectAsync(viewer, await app.NewSchemaAsync(viewer), """{"name":"c"}""", $"\"{label}\"");
        await app.GrantAsync(viewer, a.NodeId(), RelationshipTypes.Views);

        async Task<string[]> ReadAsync(string bearer, string body) => (await (await app.ReadObjectsAsync(bearer, body)).AssertOkAsync()).NIds();

        Assert.Equal([a.NId(), b.NId()], await ReadAsync(owner.Bearer, $$$"""{"profile_objects":[{"n_id":"{{{a.NId()}}}"},{"n_id":"{{{b.NId()}}}"}]}"""));
        Assert.Equal([a.NId()], await ReadAsync(owner.Bearer, $$$"""{"profile_objects":[{"n_id":"{{{a.NId()}}}","label":"{{{label}}}"}]}"""));
        Assert.Empty(await ReadAsync(owner.Bearer, $$$"""{"profile_objects":[{"n_id":"{{{b.NId()}}}","label":"{{{label}}}"}]}"""));
        Assert.Equal([a.NId(), b.NId()], await ReadAsync(owner.Bearer, $$$"""{"profile_objects":[{"label":"{{{label}}}"},{"n_id":"{{{b.NId()}}}","label":"{{{schema}}}"}]}"""));
        Assert.Equal([a.NId(), c.NId()], await ReadAsync(viewer.Bearer, $$$"""{"profile_objects":[{"label":"{{{label}}}"}]}"""));
        Assert.Equal([c.NId()], await ReadAsync(viewer.Bearer, $$$"""{"profile_objects":[{"label":"{{{label}}}"}],"permissions":["IS_OWNER"]}"""));
        Assert.Equal([a.NId()], await ReadAsync(viewer.Bearer, $$$"""{"profile_objects":[{"label":"{{{label}}}"}],"permissions":["VIEWS"]}"""));
        Assert.Empty(await ReadAsync(viewer.Bearer, $$$"""{"profile_objects":[{"n_id":"{{{b.NId()}}}"}]}"""));

        var path = $"/db/v1/profile_objects?{Query(label)}";
        Assert.Equal([c.NId()], (await (await app.GetAsync($"{path}&permissions=IS_OWNER", viewer.Bearer)).AssertOkAsync()).NIds());
        Assert.Equal([a.NId(), c.NId()], (await (await app.GetAsync($"{path}&permissions=IS_OWNER,VIEWS", viewer.Bearer)).AssertOkAsync()).NIds());
        Assert.Equal([a.NId()], (await (await app.GetAsync($"{path}&permissions={Uri.EscapeDataString("[\"VIEWS\"]")}", viewer.Bearer)).AssertOkAsync()).NIds());
        Assert.Equal([a.NId(), c.NId()], (await (await app.GetAsync($"{path}&permissions=EDITS&permissions=VIEWS&permissions=IS_OWNER", viewer.Bearer)).AssertOkAsync()).NIds());
    }

    [Fact]
    public async Task Relationships_are_those_between_returned_objects_and_the_callers_own_permissions()
    {
        var owner = await GraphUser.CreateAsync(app);
        var schema = await app.NewSchemaAsync(owner);
        var label = ProfileObjectClient.NewLabel();
        var a = await app.CreatedObjectAsync(owner, schema, """{"name":"a"}""", $"\"{label}\"");
        var b = await app.CreatedObjectAsync(owner, schema, """{"name":"b"}""", $"\"{label}\"");
        var outside = await app.CreatedObjectAsync(owner, schema, """{"name":"outside"}""");
        var between = await app.RelationshipAsync(a.NodeId(), b.NodeId(), "REPRESENTED_BY");
        await app.RelationshipAsync(a.NodeId(), outside.NodeId(), "KNOWS");
        await app.MakePublicAsync(a.NodeId());
        var self = await app.UserNodeAsync(owner);

        var list = await (await app.GetAsync($"/db/v1/profile_objects?{Query(label)}", owner.Bearer)).AssertOkAsync();

        var relationships = list.GetProperty("relationships").EnumerateArray().ToList();
        Assert.Equal(3, relationships.Count);
        var represented = Assert.Single(relationships, r => r.GetProperty("type").GetString() == "REPRESENTED_BY");
        Assert.Equal(a.NodeId(), represented.GetProperty("start").GetInt64());
        Assert.Equal(b.NodeId(), represented.GetProperty("end").GetInt64());
        Assert.Equal(between.PId.ToString(), represented.GetProperty("p_id").GetString());
        Assert.All(relationships.Where(r => r.GetProperty("type").GetString() == "IS_OWNER"), r => Assert.Equal(self, r.GetProperty("start").GetInt64()));

        var anonymous = await (await app.GetAsync($"/db/v1/profile_objects?{Query(label)}")).AssertOkAsync();
        Assert.Empty(anonymous.GetProperty("relationships").EnumerateArray());
    }

    [Fact]
    public async Task Pages_follow_id_order_from_starting_after()
    {
        var owner = await GraphUser.CreateAsync(app);
        var stranger = await GraphUser.CreateAsync(app);
        var schema = await app.NewSchemaAsync(owner);
        var label = ProfileObjectClient.NewLabel();
        var items = string.Join(",", Enumerable.Range(0, 5).Select(i => $$$"""{"schema":"{{{schema}}}","labels":"{{{label}}}","properties":{"name":"n{{{i}}}"}}"""));
        var created = (await (await app.CreateObjectsAsync(owner.Bearer, $"[{items}]")).AssertOkAsync()).EnumerateArray().OrderBy(o => o.NodeId()).Select(o => o.NId()).ToList();
        var path = $"/db/v1/profile_objects?{Query(label)}&limit=2";

        var first = (await (await app.GetAsync(path, owner.Bearer)).AssertOkAsync()).NIds();
        var second = (await (await app.GetAsync($"{path}&starting_after={first[^1]}", owner.Bearer)).AssertOkAsync()).NIds();
        var third = (await (await app.GetAsync($"{path}&starting_after={second[^1]}", owner.Bearer)).AssertOkAsync()).NIds();

        Assert.Equal(created, [.. first, .. second, .. third]);
        Assert.Single(third);
        foreach (var bad in new[] { "limit=0", "limit=1001", "limit=two", "starting_after=nope", $"starting_after={Guid.NewGuid()}" })
        {
            await (await app.GetAsync($"/db/v1/profile_objects?{bad}", owner.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        }
        await (await app.GetAsync($"{path}&starting_after={created[0]}", stranger.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Kvp_answers_one_entry_per_object_with_either_format_map_encoding()
    {
        var owner = await GraphUser.CreateAsync(app);
        var schema = await app.NewSchemaAsync(owner);
        var label = ProfileObjectClient.NewLabel();
        var a = await app.CreatedObjectAsync(owner, schema, """{"name":"Ada","age":3}""", $"\"{label}\"");
        var body = $$$"""{"profile_objects":[{"label":"{{{label}}}"}]}""";

        var listed = await (await app.ReadObjectsAsync(owner.Bearer, body, "?format=kvp&format_map=key,n_id,value,name")).AssertOkAsync();
        var json = await (await app.ReadObjectsAsync(owner.Bearer, body, $"?format=kvp&format_map={Uri.EscapeDataString("""{"key":"id","value":"age","missing":"nothing"}""")}")).AssertOkAsync();
        var query = await (await app.GetAsync($"/db/v1/profile_objects?{Query(label)}&format=kvp&format_map=key,n_id,value,name", owner.Bearer)).AssertOkAsync();

        Assert.Equal($$$"""[{"key":"{{{a.NId()}}}","value":"Ada"}]""", listed.GetRawText());
        Assert.Equal($$$"""[{"key":{{{a.NodeId()}}},"value":3,"missing":null}]""", json.GetRawText());
        Assert.Equal(listed.GetRawText(), query.GetRawText());
        foreach (var bad in new[] { "?format=kvp", "?format=xml&format_map=key,n_id", "?format_map=key,n_id", "?format=kvp&format_map=key", "?format=kvp&format_map=key,n_id,key,id",
            "?format=kvp&format_map=%7B", "?format=kvp&format_map=%7B%22key%22%3A1%7D", "?format=kvp&format_map=key," })
        {
            await (await app.ReadObjectsAsync(owner.Bearer, body, bad)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        }
    }

    [Fact]
    public async Task Bad_read_requests_answer_400_naming_the_field()
    {
        var owner = await GraphUser.CreateAsync(app);

        await (await app.ReadObjectsAsync(owner.Bearer, "{")).AssertErrorAsync(HttpStatusCode.BadRequest, "malformed_json");
        await (await app.ReadObjectsAsync(owner.Bearer, "[]")).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        foreach (var (body, field) in new[]
        {
            ("""{"profile_objects":{}}""", "profile_objects"),
            ("""{"profile_objects":[{}]}""", "profile_objects[0]"),
            ("""{"profile_objects":[1]}""", "profile_objects[0]"),
            ("""{"profile_objects":[{"n_id":"nope"}]}""", "profile_objects[0].n_id"),
            ("""{"profile_objects":[{"label":""}]}""", "profile_objects[0].label"),
            ("""{"permissions":["OWNS"]}""", "permissions"),
            ("""{"permissions":{}}""", "permissions"),
        })
        {
            var error = await (await app.ReadObjectsAsync(owner.Bearer, body)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
            Assert.True(error.GetProperty("errors").TryGetProperty(field, out _), body);
        }
        foreach (var (query, field) in new[] { ("profile_objects=%5B", "profile_objects"), ("permissions=BELONGS_TO", "permissions"), ("permissions=%5B1%5D", "permissions"), ("expand=yes", "expand") })
        {
            var error = await (await app.GetAsync($"/db/v1/profile_objects?{query}", owner.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
            Assert.True(error.GetProperty("errors").TryGetProperty(field, out _), query);
        }
    }
}
