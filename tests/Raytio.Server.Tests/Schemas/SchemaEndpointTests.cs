using System.Net;
using System.Text.Json;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Schemas;

/// <summary>Operations 41-47: the wire format, versions and validation.</summary>
public sealed class SchemaEndpointTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    private const string Note = """
        {"type":"object","title":"Passport note","description":"A note about a passport","tags":["travel"],
         "display":{"head":["text"]},"verified_fields":["text"],
         "required":["text"],"properties":{"text":{"type":"string","encrypt":true,"lookup":"https://example.com/l.json"},"count":{"type":"number"}}}
        """;

    [Fact]
    public async Task A_bare_name_gets_the_type_prefix_and_reads_answer_the_document_with_its_id()
    {
        var (_, _, user) = await app.CreateSignedInUserAsync();
        var bare = SchemaClient.NewName("passport_note");

        var created = await app.CreatedAsync(user.IdentityToken, bare, "us", Note);

        Assert.Equal($"us_{bare}", created.GetProperty("name").GetString());
        Assert.Equal("us", created.GetProperty("type").GetString());
        Assert.Equal(1, created.GetProperty("version").GetInt32());
        var read = await (await app.GetAsync($"/db/v1/schemas/us/{bare}", user.IdentityToken)).AssertOkAsync();
        var schema = read.GetProperty("schema");
        Assert.Equal("http://json-schema.org/draft-07/schema#", schema.GetProperty("$schema").GetString());
        Assert.Equal($"https://api.rayt.io/public/prod/v1/schema/us/{bare}", schema.GetProperty("$id").GetString());
        Assert.Equal("Passport note", schema.GetProperty("title").GetString());
        Assert.True(schema.GetProperty("properties").GetProperty("text").GetProperty("encrypt").GetBoolean());
        Assert.Equal("https://example.com/l.json", schema.GetProperty("properties").GetProperty("text").GetProperty("lookup").GetString());
        Assert.Equal("""["travel"]""", schema.GetProperty("tags").GetRawText());
        Assert.Equal("""{"head":["text"]}""", schema.GetProperty("display").GetRawText());
        Assert.Equal("""["text"]""", schema.GetProperty("verified_fields").GetRawText());
        Assert.Equal(read.GetRawText(), (await (await app.GetAsync($"/db/v1/schemas/us/us_{bare}", user.IdentityToken)).AssertOkAsync()).GetRawText());
    }

    [Fact]
    public async Task A_given_top_level_id_is_replaced_by_the_one_of_the_name()
    {
        var (_, _, user) = await app.CreateSignedInUserAsync();
        var bare = SchemaClient.NewName("with_id");

        var created = await app.CreatedAsync(user.IdentityToken, $"ps_{bare}", "ps", """{"$id":"https://elsewhere.example/x","type":"string"}""");

        Assert.Equal($"https://api.rayt.io/public/prod/v1/schema/ps/{bare}", created.GetProperty("schema").GetProperty("$id").GetString());
    }

    [Fact]
    public async Task Updating_adds_a_version_and_old_versions_stay_readable()
    {
        var (_, _, user) = await app.CreateSignedInUserAsync();
        var bare = SchemaClient.NewName("versioned");
        await app.CreatedAsync(user.IdentityToken, bare, "us", """{"type":"object","properties":{"n":{"type":"number"}}}""");

        var updated = await (await app.UpdateAsync(user.IdentityToken, "us", bare, """{"type":"object","properties":{"n":{"type":"string"}}}""")).AssertOkAsync();

        Assert.Equal(2, updated.GetProperty("version").GetInt32());
        var current = await (await app.GetAsync($"/db/v1/schemas/us/{bare}", user.IdentityToken)).AssertOkAsync();
        Assert.Equal(2, current.GetProperty("version").GetInt32());
        var first = await (await app.GetAsync($"/db/v1/schemas/us/{bare}?schema_version=1", user.IdentityToken)).AssertOkAsync();
        Assert.Equal("number", first.GetProperty("schema").GetProperty("properties").GetProperty("n").GetProperty("type").GetString());

        var listed = await ListAsync("/db/v1/schemas?schema_type=us", user.IdentityToken);
        Assert.Equal([2], listed.Where(s => s.GetProperty("name").GetString() == $"us_{bare}").Select(s => s.GetProperty("version").GetInt32()));
        var all = await ListAsync("/db/v1/schemas?schema_type=us&version_current=false", user.IdentityToken);
        Assert.Equal([1, 2], all.Where(s => s.GetProperty("name").GetString() == $"us_{bare}").Select(s => s.GetProperty("version").GetInt32()));

        // Validation follows the version asked for: objects keep the version they were validated against.
        Assert.True((await ValidAsync(user.IdentityToken, $"us/{bare}/validate?schema_version=1", """{"n":1}""")).GetProperty("valid").GetBoolean());
        Assert.False((await ValidAsync(user.IdentityToken, $"us/{bare}/validate", """{"n":1}""")).GetProperty("valid").GetBoolean());
        await (await app.GetAsync($"/db/v1/schemas/us/{bare}?schema_version=3", user.IdentityToken)).AssertNotFoundAsync();
    }

    [Fact]
    public async Task Concurrent_updates_each_get_their_own_version_or_a_409_and_one_stays_current()
    {
        var (_, _, user) = await app.CreateSignedInUserAsync();
        var bare = SchemaClient.NewName("raced");
        await app.CreatedAsync(user.IdentityToken, bare, "us", "{}");

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            app.UpdateAsync(user.IdentityToken, "us", bare, $$$"""{"title":"update {{{i}}}"}""")));

        Assert.All(answers, answer => Assert.Contains(answer.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        var succeeded = answers.Count(a => a.StatusCode == HttpStatusCode.OK);
        Assert.True(succeeded >= 1);
        var versions = (await ListAsync("/db/v1/schemas?schema_type=us&version_current=false", user.IdentityToken))
            .Where(s => s.GetProperty("name").GetString() == $"us_{bare}").Select(s => s.GetProperty("version").GetInt32()).ToList();
        Assert.Equal(Enumerable.Range(1, succeeded + 1), versions);
        var current = await ListAsync("/db/v1/schemas?schema_type=us", user.IdentityToken);
        Assert.Equal([succeeded + 1], current.Where(s => s.GetProperty("name").GetString() == $"us_{bare}").Select(s => s.GetProperty("version").GetInt32()));
    }

    [Fact]
    public async Task An_update_may_repeat_the_name_and_type_but_not_change_them()
    {
        var (_, _, user) = await app.CreateSignedInUserAsync();
        var bare = SchemaClient.NewName("renamed");
        await app.CreatedAsync(user.IdentityToken, bare, "us", """{"type":"object"}""");

        (await app.SendJsonTextAsync(HttpMethod.Put, $"/db/v1/schemas/us/{bare}", $$$$"""{"name":"us_{{{{bare}}}}","type":"us","schema":{"type":"object"}}""", user.IdentityToken)).EnsureSuccessStatusCode();
        var renamed = await (await app.SendJsonTextAsync(HttpMethod.Put, $"/db/v1/schemas/us/{bare}", """{"name":"other","schema":{}}""", user.IdentityToken))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(renamed.GetProperty("errors").TryGetProperty("name", out _));
        var retyped = await (await app.SendJsonTextAsync(HttpMethod.Put, $"/db/v1/schemas/us/{bare}", """{"type":"ps","schema":{}}""", user.IdentityToken))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("'ps'", retyped.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Validate_answers_valid_or_a_message_naming_the_path()
    {
        var (_, _, user) = await app.CreateSignedInUserAsync();
        var bare = SchemaClient.NewName("validated");
        await app.CreatedAsync(user.IdentityToken, bare, "us", Note);

        Assert.Equal("""{"valid":true}""", (await ValidAsync(user.IdentityToken, $"us/{bare}/validate", """{"text":"x","count":1}""")).GetRawText());
        var invalid = await ValidAsync(user.IdentityToken, $"us/{bare}/validate", """{"text":"x","count":"1"}""");

        Assert.False(invalid.GetProperty("valid").GetBoolean());
        Assert.Equal("/count: Value is \"string\" but should be \"number\"", invalid.GetProperty("message").GetString());
        var error = Assert.Single(invalid.GetProperty("errors").EnumerateArray());
        Assert.Equal("/count", error.GetProperty("path").GetString());
        var missing = await ValidAsync(user.IdentityToken, $"us/{bare}/validate", "{}");
        Assert.StartsWith("(root): ", missing.GetProperty("message").GetString());
        Assert.Contains("text", missing.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Formats_are_asserted()
    {
        var (_, _, user) = await app.CreateSignedInUserAsync();
        var bare = SchemaClient.NewName("dated");
        await app.CreatedAsync(user.IdentityToken, bare, "us", """{"properties":{"on":{"type":"string","format":"date"},"to":{"format":"email"}}}""");

        Assert.True((await ValidAsync(user.IdentityToken, $"us/{bare}/validate", """{"on":"2026-02-28","to":"a@example.com"}""")).GetProperty("valid").GetBoolean());
        var invalid = await ValidAsync(user.IdentityToken, $"us/{bare}/validate", """{"on":"2026-02-30"}""");
        Assert.Contains("/on", invalid.GetProperty("message").GetString());
        Assert.False((await ValidAsync(user.IdentityToken, $"us/{bare}/validate", """{"to":"not an address"}""")).GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task Any_json_value_can_be_validated()
    {
        var (_, _, user) = await app.CreateSignedInUserAsync();
        var bare = SchemaClient.NewName("numbers");
        await app.CreatedAsync(user.IdentityToken, bare, "us", """{"type":"array","items":{"type":"integer"}}""");

        Assert.True((await ValidAsync(user.IdentityToken, $"us/{bare}/validate", "[1,2]")).GetProperty("valid").GetBoolean());
        Assert.Equal("/1", (await ValidAsync(user.IdentityToken, $"us/{bare}/validate", "[1,2.5]")).GetProperty("errors")[0].GetProperty("path").GetString());
        Assert.False((await ValidAsync(user.IdentityToken, $"us/{bare}/validate", "42")).GetProperty("valid").GetBoolean());
    }

    [Theory]
    [InlineData("""{"name":"x","type":"us"}""", "schema")]
    [InlineData("""{"type":"us","schema":{}}""", "name")]
    [InlineData("""{"name":"x","schema":{}}""", "type")]
    [InlineData("""{"name":"x","type":"xs","schema":{}}""", "type")]
    [InlineData("""{"name":"x","type":"os","schema":{}}""", "type")]
    [InlineData("""{"name":"x","type":"us","schema":[1]}""", "schema")]
    [InlineData("""{"name":"x","type":"us","schema":true}""", "schema")]
    [InlineData("""{"name":"x","type":"us","schema":{"type":"nope"}}""", "schema/type")]
    [InlineData("""{"name":"x","type":"us","schema":{"properties":{"a":{"minimum":"1"}}}}""", "schema/properties/a/minimum")]
    [InlineData("""{"name":"x","type":"us","schema":{"pattern":"(["}}""", "schema/pattern")]
    [InlineData("""{"name":"x","type":"us","schema":{"patternProperties":{"([":{}}}}""", "schema/patternProperties/([")]
    [InlineData("""{"name":"x","type":"us","schema":{"$schema":"https://json-schema.org/draft/2020-12/schema"}}""", "schema/$schema")]
    [InlineData("""{"name":"x","type":"us","schema":{"properties":{"a":{"format":"nzbn"}}}}""", "schema/properties/a/format")]
    [InlineData("""{"name":"x","type":"us","schema":{"properties":{"a":{"$ref":"#/definitions/missing"}}}}""", "schema/properties/a/$ref")]
    [InlineData("""{"name":"x","type":"us","schema":{"items":{"$ref":"https://example.com/other.json"}}}""", "schema/items/$ref")]
    [InlineData("""{"name":"x","type":"us","schema":{"items":{"$id":"other.json"}}}""", "schema/items/$id")]
    [InlineData("""{"name":"ss_x","type":"us","schema":{}}""", "name")]
    public async Task Bad_create_bodies_are_a_400_naming_the_field(string body, string field)
    {
        var (_, _, user) = await app.CreateSignedInUserAsync();

        var error = await (await app.SendJsonTextAsync(HttpMethod.Post, "/db/v1/schemas", body, user.IdentityToken)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.True(error.GetProperty("errors").TryGetProperty(field, out _), error.GetRawText());
        Assert.Contains($"'{field}'", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_document_the_library_cannot_build_is_a_400()
    {
        const string schema = """{"definitions":{"a":{"$ref":"#/definitions/a"}},"$ref":"#/definitions/a"}""";
        var (_, _, user) = await app.CreateSignedInUserAsync();

        var error = await (await app.CreateAsync(user.IdentityToken, SchemaClient.NewName("broken"), "us", schema)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Contains("cannot be used", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_name_is_created_once_per_namespace()
    {
        var (_, _, alice) = await app.CreateSignedInUserAsync();
        var (_, _, bob) = await app.CreateSignedInUserAsync();
        var bare = SchemaClient.NewName("mine");
        await app.CreatedAsync(alice.IdentityToken, bare, "us", "{}");

        await (await app.CreateAsync(alice.IdentityToken, bare, "us", "{}")).AssertErrorAsync(HttpStatusCode.Conflict, "schema_exists");
        // User schemas are named per user: Bob's creation reveals nothing of Alice's.
        await app.CreatedAsync(bob.IdentityToken, bare, "us", """{"type":"string"}""");
        await app.CreatedAsync(alice.IdentityToken, bare, "ps", "{}");
        await (await app.CreateAsync(bob.IdentityToken, bare, "ps", "{}")).AssertErrorAsync(HttpStatusCode.Conflict, "schema_exists");
    }

    [Theory]
    [InlineData("/db/v1/schemas/xs/a", "schema_type")]
    [InlineData("/db/v1/schemas/os/a", "schema_type")]
    [InlineData("/db/v1/schemas/us/ss_a", "schema_ID")]
    [InlineData("/db/v1/schemas/us/a-b", "schema_ID")]
    [InlineData("/db/v1/schemas/us/a?expand=maybe", "expand")]
    [InlineData("/db/v1/schemas/us/a?schema_version=0", "schema_version")]
    [InlineData("/db/v1/schemas", "schema_type")]
    [InlineData("/db/v1/schemas?schema_type=xs", "schema_type")]
    [InlineData("/db/v1/schemas?schema_type=all&version_current=no", "version_current")]
    public async Task Bad_paths_and_queries_are_a_400_naming_them(string path, string field)
    {
        var (_, _, user) = await app.CreateSignedInUserAsync();

        var error = await (await app.GetAsync(path, user.IdentityToken)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.True(error.GetProperty("errors").TryGetProperty(field, out _), error.GetRawText());
    }

    [Fact]
    public async Task A_path_prefix_that_differs_from_the_path_type_names_both()
    {
        var (_, _, user) = await app.CreateSignedInUserAsync();

        var error = await (await app.GetAsync("/db/v1/schemas/us/ss_NZ_Person", user.IdentityToken)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Contains("'ss'", error.GetProperty("message").GetString());
        Assert.Contains("'us'", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task The_os_type_is_accepted_by_validate_and_update_and_names_no_schema()
    {
        var (_, _, user) = await app.CreateSignedInUserAsync();

        await (await app.ValidateAsync(user.IdentityToken, "os", "person", "{}")).AssertNotFoundAsync();
        await (await app.UpdateAsync(user.IdentityToken, "os", "os_person", "{}")).AssertNotFoundAsync();
    }

    private async Task<JsonElement> ValidAsync(string bearer, string path, string document) =>
        await (await app.SendJsonTextAsync(HttpMethod.Post, $"/db/v1/schemas/{path}", document, bearer)).AssertOkAsync();

    private async Task<List<JsonElement>> ListAsync(string path, string? bearer) =>
        [.. (await (await app.GetAsync(path, bearer)).AssertOkAsync()).EnumerateArray()];
}
