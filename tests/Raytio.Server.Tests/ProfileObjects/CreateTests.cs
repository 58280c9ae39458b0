using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Graph;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Schemas;

namespace Raytio.Server.Tests.ProfileObjects;

/// <summary>Operation 34: one object or an array, validated against its schema, owned by the caller.</summary>
public sealed class CreateTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task An_object_is_created_with_its_labels_owned_by_the_caller_and_audited_without_values()
    {
        var owner = await GraphUser.CreateAsync(app);
        var schema = await app.NewSchemaAsync(owner);

        var created = await app.CreatedObjectAsync(owner, schema, """{"name":"Ada secret","age":36}""", "\" Person \"");

        Assert.True(created.NodeId() > 0);
        Assert.Equal(["Person", schema], created.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("Ada secret", created.GetProperty("properties").GetProperty("name").GetString());
        Assert.Equal(schema, created.GetProperty("schema").GetString());
        Assert.Equal(1, created.GetProperty("schema_version").GetInt32());
        var nodeId = created.NodeId();
        var ownerNode = await app.UserNodeAsync(owner);
        var (labels, owners) = await app.WithDbAsync(async db => (
            await db.GraphLabels.Where(l => l.NodeId == nodeId).Select(l => l.Label).OrderBy(l => l).ToListAsync(),
            await db.GraphRelationships.Where(r => r.EndId == nodeId && r.Type == RelationshipTypes.IsOwner).ToListAsync()));
        Assert.Equal(new[] { "Person", schema }.Order(StringComparer.Ordinal), labels.Order(StringComparer.Ordinal));
        var ownership = Assert.Single(owners);
        Assert.Equal(ownerNode, ownership.StartId);
        Assert.Equal(ownership.PId, ownership.OriginId);
        var audit = Assert.Single(await app.AuditEventsAsync(Guid.Parse(created.NId())));
        Assert.Equal(AuditEventTypes.ProfileCreate, audit.EventType);
        Assert.Equal(owner.Id, audit.UserId);
        Assert.Contains(schema, audit.EventJson);
        Assert.DoesNotContain("secret", audit.EventJson);
    }

    [Fact]
    public async Task Schemas_are_named_bare_or_prefixed()
    {
        var owner = await GraphUser.CreateAsync(app);
        var bare = SchemaClient.NewName("Shared");
        await app.CreatedAsync(owner.Bearer, bare, "ps", ProfileObjectClient.ThingSchema);

        var byBare = await app.CreatedObjectAsync(owner, bare, """{"name":"x"}""");
        var byPrefix = await app.CreatedObjectAsync(owner, $"ps_{bare}", """{"name":"x"}""");
        var system = await app.CreatedObjectAsync(owner, "Email", """{"email":"ada@example.com"}""");

        Assert.Equal($"ps_{bare}", byBare.GetProperty("schema").GetString());
        Assert.Equal($"ps_{bare}", byPrefix.GetProperty("schema").GetString());
        Assert.Equal("ss_Email", system.GetProperty("schema").GetString());
    }

    [Fact]
    public async Task Labels_are_a_string_or_an_array_of_distinct_trimmed_strings()
    {
        var owner = await GraphUser.CreateAsync(app);
        var schema = await app.NewSchemaAsync(owner);

        var one = await app.CreatedObjectAsync(owner, schema, """{"name":"x"}""", "\"Company\"");
        var given = await app.CreatedObjectAsync(owner, schema, """{"name":"x"}""", $"""["{schema}","A"]""");

        Assert.Equal(["Company", schema], one.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal([schema, "A"], given.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        foreach (var labels in new[] { """["a"," a "]""", """[""]""", $"""["{new string('x', 201)}"]""", "[1]", "{}", "7" })
        {
            var error = await (await app.CreateObjectsAsync(owner.Bearer, $$$"""{"schema":"{{{schema}}}","labels":{{{labels}}},"properties":{"name":"x"}}"""))
                .AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
            Assert.True(error.GetProperty("errors").TryGetProperty("labels", out _), labels);
        }
    }

    [Fact]
    public async Task An_array_is_created_in_one_go_and_answered_as_an_array()
    {
        var owner = await GraphUser.CreateAsync(app);
        var schema = await app.NewSchemaAsync(owner);
        var items = string.Join(",", Enumerable.Range(0, 50).Select(i => $$$"""{"schema":"{{{schema}}}","properties":{"name":"n{{{i}}}","age":{{{i}}}}}"""));

        var created = await (await app.CreateObjectsAsync(owner.Bearer, $"[{items}]")).AssertOkAsync();

        Assert.Equal(50, created.GetArrayLength());
        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"n{i}"), created.EnumerateArray().Select(o => o.GetProperty("properties").GetProperty("name").GetString()));
        var ids = created.EnumerateArray().Select(o => o.NodeId()).ToList();
        var owned = await app.WithDbAsync(db => db.GraphRelationships.CountAsync(r => ids.Contains(r.EndId) && r.Type == RelationshipTypes.IsOwner));
        Assert.Equal(50, owned);
    }

    [Fact]
    public async Task One_bad_item_fails_the_whole_array_naming_the_item_and_nothing_is_created()
    {
        var owner = await GraphUser.CreateAsync(app);
        var schema = await app.NewSchemaAsync(owner);

        var error = await (await app.CreateObjectsAsync(owner.Bearer, $$$"""
            [{"schema":"{{{schema}}}","properties":{"name":"ok"}},
             {"schema":"{{{schema}}}","properties":{"name":"ok"}},
             {"schema":"{{{schema}}}","properties":{"name":"bad","age":"old"}}]
            """)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");

        var problems = error.GetProperty("errors").GetProperty("[2].properties");
        Assert.Contains("/age", problems[0].GetString());
        Assert.Contains("[2].properties", error.GetProperty("message").GetString());
        Assert.Equal(0, await app.WithDbAsync(db => db.GraphNodes.CountAsync(n => n.SchemaName == schema)));

        var unknown = await (await app.CreateObjectsAsync(owner.Bearer, $$$"""[{"schema":"{{{schema}}}","properties":{"name":"ok"}},{"schema":"us_nothing_here","properties":{}}]"""))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(unknown.GetProperty("errors").TryGetProperty("[1].schema", out _));
        Assert.Equal(0, await app.WithDbAsync(db => db.GraphNodes.CountAsync(n => n.SchemaName == schema)));
    }

    [Fact]
    public async Task Properties_that_do_not_match_the_schema_answer_400_naming_the_place()
    {
        var owner = await GraphUser.CreateAsync(app);
        var schema = await app.NewSchemaAsync(owner);

        var error = await (await app.CreateObjectsAsync(owner.Bearer, $$$"""{"schema":"{{{schema}}}","properties":{"name":"x","age":-1}}"""))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.StartsWith("/age:", error.GetProperty("errors").GetProperty("properties")[0].GetString());
        var missing = await (await app.CreateObjectsAsync(owner.Bearer, $$$"""{"schema":"{{{schema}}}","properties":{}}"""))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("name", missing.GetProperty("errors").GetProperty("properties")[0].GetString());
    }

    [Fact]
    public async Task Unknown_unreadable_or_missing_schemas_answer_400_naming_schema()
    {
        var owner = await GraphUser.CreateAsync(app);
        var stranger = await GraphUser.CreateAsync(app);
        var strangers = await app.NewSchemaAsync(stranger);

        foreach (var schema in new[] { "\"nothing_like_this\"", $"\"{strangers}\"", "\"os_person\"", "\"a b\"", "42", "null", "\"\"" })
        {
            var error = await (await app.CreateObjectsAsync(owner.Bearer, $$$"""{"schema":{{{schema}}},"properties":{}}"""))
                .AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
            Assert.True(error.GetProperty("errors").TryGetProperty("schema", out _), schema);
        }
    }

    [Fact]
    public async Task Malformed_or_wrongly_shaped_bodies_answer_400()
    {
        var owner = await GraphUser.CreateAsync(app);
        var schema = await app.NewSchemaAsync(owner);

        await (await app.CreateObjectsAsync(owner.Bearer, "{\"schema\":")).AssertErrorAsync(HttpStatusCode.BadRequest, "malformed_json");
        await (await app.CreateObjectsAsync(owner.Bearer, "42")).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await app.CreateObjectsAsync(owner.Bearer, "[]")).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await app.CreateObjectsAsync(owner.Bearer, "[1]")).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await app.CreateObjectsAsync(owner.Bearer, $"[{string.Join(",", Enumerable.Repeat("{}", 1001))}]")).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        foreach (var (body, field) in new[]
        {
            ($$$"""{"schema":"{{{schema}}}"}""", "properties"),
            ($$$"""{"schema":"{{{schema}}}","properties":[1]}""", "properties"),
            ($$$"""{"schema":"{{{schema}}}","properties":{"name":"x"},"document":"text"}""", "document"),
            ($$$"""{"schema":"{{{schema}}}","properties":{"name":"x"},"document":{"type":"text/plain"}}""", "document.content"),
        })
        {
            var error = await (await app.CreateObjectsAsync(owner.Bearer, body)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
            Assert.True(error.GetProperty("errors").TryGetProperty(field, out _), body);
        }
    }

    [Fact]
    public async Task Nul_characters_and_nesting_past_56_levels_answer_400_on_both_engines()
    {
        var owner = await GraphUser.CreateAsync(app);
        var schema = await app.NewSchemaAsync(owner);
        static string Nest(int depth) => depth == 0 ? "1" : $"{{\"d\":{Nest(depth - 1)}}}";

        foreach (var (body, field) in new[]
        {
            ($$$"""{"schema":"{{{schema}}}","properties":{"name":"a\u0000b"}}""", "properties"),
            ($$$"""{"schema":"{{{schema}}}","properties":{"name":"a","k\u0000":1}}""", "properties"),
            ($$$"""{"schema":"{{{schema}}}","properties":{"name":"a","x":{{{Nest(56)}}}}}""", "properties"),
            ($$$"""{"schema":"{{{schema}}}","labels":"a\u0000","properties":{"name":"a"}}""", "labels"),
            ("""{"schema":"Email\u0000","properties":{"email":"a@example.com"}}""", "schema"),
        })
        {
            var error = await (await app.CreateObjectsAsync(owner.Bearer, body)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
            Assert.True(error.GetProperty("errors").TryGetProperty(field, out _), body);
        }
        await app.CreatedObjectAsync(owner, schema, $$$"""{"name":"a","x":{{{Nest(55)}}}}""");
    }

    [Fact]
    public async Task Anonymous_callers_get_401()
    {
        await (await app.CreateObjectsAsync(null, """{"schema":"Email","properties":{"email":"a@example.com"}}""")).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }
}
