using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Graph;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.CypherQueries;

public sealed class QueryEndpointTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task A_node_answers_in_the_references_shape()
    {
        var owner = await GraphUser.CreateAsync(app);
        var label = QueryClient.FreshLabel();
        var node = await app.OwnedObjectAsync(owner, """{"name":"Raytio","size":3}""", label, "Extra");

        var body = await (await app.QueryAsync($"MATCH (n:{label} {{name:'Raytio'}}) return n", owner.Bearer)).AssertOkAsync();

        Assert.Equal(["n"], body.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        Assert.False(body.GetProperty("truncated").GetBoolean());
        var value = Assert.Single(Assert.Single(body.GetProperty("data").EnumerateArray()).EnumerateArray());
        Assert.Equal(node.Id, value.GetProperty("metadata").GetProperty("id").GetInt64());
        Assert.Equal([label, "Extra"], value.GetProperty("metadata").GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("Raytio", value.GetProperty("data").GetProperty("name").GetString());
        Assert.Equal(3, value.GetProperty("data").GetProperty("size").GetInt32());
        Assert.Equal(node.Key.ToString(), value.GetProperty("data").GetProperty("n_id").GetString());
        Assert.Equal($"/db/v1/profile_objects/{node.Key}", value.GetProperty("self").GetString());
        string[] keys = ["metadata", "paged_traverse", "outgoing_relationships", "outgoing_typed_relationships", "create_relationship", "labels", "traverse",
            "all_relationships", "all_typed_relationships", "property", "self", "incoming_relationships", "properties", "incoming_typed_relationships", "data"];
        Assert.Equal(keys.Order(), value.EnumerateObject().Select(p => p.Name).Order());
        var reads = app.Services.GetRequiredService<AuditReadBuffer>().Take(100_000);
        Assert.Contains(reads, e => e.SubjectId == node.Key && e.UserId == owner.Id && e.EventType == AuditEventTypes.ProfileRead);
    }

    [Fact]
    public async Task Relationships_paths_scalars_and_params_answer_in_their_shapes()
    {
        var owner = await GraphUser.CreateAsync(app);
        var label = QueryClient.FreshLabel();
        var a = await app.OwnedObjectAsync(owner, """{"name":"a"}""", label);
        var b = await app.OwnedObjectAsync(owner, """{"name":"b"}""", label);
        var c = await app.OwnedObjectAsync(owner, """{"name":"c"}""", label);
        var ab = await app.RelationshipAsync(a.Id, b.Id, "KNOWS");
        var bc = await app.RelationshipAsync(b.Id, c.Id, "KNOWS");

        var body = await (await app.QueryAsync(
            $"MATCH (x:{label} {{name: $start}})-[r:KNOWS]->(y)-[p:KNOWS*1..2]->(z) RETURN r, p, y.name AS name, id(z) AS zid, [1, 'two', null, true] AS list",
            new { start = "a" }, owner.Bearer)).AssertOkAsync();

        Assert.Equal(["r", "p", "name", "zid", "list"], body.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        var row = Assert.Single(body.GetProperty("data").EnumerateArray()).EnumerateArray().ToList();
        Assert.Equal(ab.Id, row[0].GetProperty("metadata").GetProperty("id").GetInt64());
        Assert.Equal("KNOWS", row[0].GetProperty("type").GetString());
        Assert.Equal(a.Id, row[0].GetProperty("start").GetInt64());
        Assert.Equal(b.Id, row[0].GetProperty("end").GetInt64());
        Assert.Equal(ab.PId.ToString(), row[0].GetProperty("data").GetProperty("p_id").GetString());
        Assert.Equal(bc.Id, Assert.Single(row[1].EnumerateArray()).GetProperty("metadata").GetProperty("id").GetInt64());
        Assert.Equal("b", row[2].GetString());
        Assert.Equal(c.Id, row[3].GetInt64());
        Assert.Equal("""[1,"two",null,true]""", JsonSerializer.Serialize(row[4]).Replace(" ", ""));
    }

    [Fact]
    public async Task A_map_shaped_like_a_marker_is_answered_as_given()
    {
        var owner = await GraphUser.CreateAsync(app);
        var secret = await app.OwnedObjectAsync(owner, """{"name":"secret"}""", QueryClient.FreshLabel());
        var forged = new Dictionary<string, object> { ["~node"] = secret.Id };

        var body = await (await app.QueryAsync("RETURN $p AS p, [$p] AS l", new { p = forged })).AssertOkAsync();

        var row = Assert.Single(body.GetProperty("data").EnumerateArray()).EnumerateArray().ToList();
        Assert.Equal(secret.Id, row[0].GetProperty("~node").GetInt64());
        Assert.Equal(secret.Id, Assert.Single(row[1].EnumerateArray()).GetProperty("~node").GetInt64());
        Assert.DoesNotContain("secret", JsonSerializer.Serialize(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_caller_queries_only_what_they_may_view()
    {
        var owner = await GraphUser.CreateAsync(app);
        var stranger = await GraphUser.CreateAsync(app);
        var friend = await GraphUser.CreateAsync(app);
        var label = QueryClient.FreshLabel();
        var shared = await app.OwnedObjectAsync(owner, """{"name":"shared"}""", label);
        var published = await app.OwnedObjectAsync(owner, """{"name":"published"}""", label);
        await app.OwnedObjectAsync(owner, """{"name":"private"}""", label);
        await app.RelationshipAsync(await app.UserNodeAsync(friend), shared.Id, RelationshipTypes.Views);
        var publicGroup = await app.WithDbAsync(db => db.GraphNodes.Where(n => n.Key == PublicGroup.Key).Select(n => n.Id).SingleAsync());
        await app.RelationshipAsync(publicGroup, published.Id, RelationshipTypes.Views);
        var query = $"MATCH (n:{label}) RETURN n.name AS name ORDER BY name";

        async Task<string[]> NamesAsync(string? bearer) =>
            [.. (await (await app.QueryAsync(query, bearer)).AssertOkAsync()).GetProperty("data").EnumerateArray().Select(r => r[0].GetString()!)];

        Assert.Equal(["private", "published", "shared"], await NamesAsync(owner.Bearer));
        Assert.Equal(["published", "shared"], await NamesAsync(friend.Bearer));
        Assert.Equal(["published"], await NamesAsync(stranger.Bearer));
        Assert.Equal(["published"], await NamesAsync(null));
        var count = await (await app.QueryAsync($"MATCH (n:{label}) RETURN count(*) AS c", stranger.Bearer)).AssertOkAsync();
        Assert.Equal(1, count.GetProperty("data")[0][0].GetInt32());
    }

    [Fact]
    public async Task An_invalid_token_is_refused_rather_than_read_as_anonymous()
    {
        var response = await app.QueryAsync("RETURN 1 AS one", "not-a-token");
        await response.AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Theory]
    [InlineData("MATCH (n RETURN n", "query_syntax", "line 1, column 10")]
    [InlineData("MATCH (n) DETACH DELETE n", "query_not_read_only", "DETACH DELETE")]
    [InlineData("CREATE (n:Person) RETURN n", "query_not_read_only", "CREATE")]
    [InlineData("LOAD CSV FROM 'http://x' AS l RETURN l", "query_not_read_only", "LOAD CSV")]
    [InlineData("CALL db.labels()", "query_not_read_only", "CALL")]
    [InlineData("UNWIND [1] AS x RETURN x", "query_unsupported", "UNWIND")]
    [InlineData("MATCH (n) RETURN m", "query_semantics", "`m`")]
    [InlineData("RETURN $missing AS m", "query_semantics", "$missing")]
    public async Task Queries_it_will_not_run_answer_400_naming_why(string query, string code, string named)
    {
        var body = await (await app.QueryAsync(query)).AssertErrorAsync(HttpStatusCode.BadRequest, code);
        Assert.Contains(named, body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("42", "invalid_body")]
    [InlineData("[\"RETURN 1\"]", "invalid_body")]
    [InlineData("\"  \"", "validation_failed")]
    [InlineData("{\"params\": {}}", "validation_failed")]
    [InlineData("{\"query\": 5}", "validation_failed")]
    [InlineData("{\"query\": \"RETURN 1 AS one\", \"params\": [1]}", "validation_failed")]
    [InlineData("{\"query\": \"RETURN 1 AS one\", \"limit\": 1}", "validation_failed")]
    public async Task Malformed_bodies_answer_400(string body, string code)
    {
        await (await app.SendJsonTextAsync(HttpMethod.Post, QueryClient.Path, body)).AssertErrorAsync(HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task A_query_longer_than_the_limit_answers_400()
    {
        var body = await (await app.QueryAsync("RETURN 1 AS one //" + new string('x', 20_000))).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("16384", body.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_object_form_with_null_params_runs()
    {
        var body = await (await app.SendJsonTextAsync(HttpMethod.Post, QueryClient.Path, """{"query": "RETURN 1 + 1 AS two", "params": null}""")).AssertOkAsync();
        Assert.Equal(2, body.GetProperty("data")[0][0].GetInt32());
    }
}
