using System.Net;
using System.Text.Json;
using Json.Schema;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Schemas;

/// <summary>`$ref` between schemas: what may be named, `expand`, cycles and limits.</summary>
public sealed class SchemaReferenceTests(SchemaReferenceTests.ShallowFactory app) : IClassFixture<SchemaReferenceTests.ShallowFactory>
{
    private const int MaxDepth = 3;

    [Fact]
    public async Task Expand_inlines_referenced_schemas_and_validates_the_same()
    {
        var (_, _, user) = await app.CreateSignedInUserAsync();
        var bearer = user.IdentityToken;
        var person = SchemaClient.NewName("person");
        var note = SchemaClient.NewName("note");
        await app.CreatedAsync(bearer, person, "ps", """
            {"definitions":{"name":{"type":"string","minLength":1}},"type":"object","required":["name"],
             "properties":{"name":{"$ref":"#/definitions/name"},"friends":{"type":"array","items":{"$ref":"#"}}}}
            """);
        var absolute = $"https://api.rayt.io/public/prod/v1/schema/ps/{person}";
        await app.CreatedAsync(bearer, note, "us", $$$$"""
            {"type":"object","properties":{"by":{"$ref":"../ps/{{{{person}}}}"},"for":{"$ref":"{{{{absolute}}}}","title":"ignored beside $ref"},"self":{"$ref":"{{{{note}}}}#/properties/by"}}}
            """);

        var plain = await (await app.GetAsync($"/db/v1/schemas/us/{note}?expand=false", bearer)).AssertOkAsync();
        Assert.Equal($"../ps/{person}", plain.GetProperty("schema").GetProperty("properties").GetProperty("by").GetProperty("$ref").GetString());
        var expanded = (await (await app.GetAsync($"/db/v1/schemas/us/{note}", bearer)).AssertOkAsync()).GetProperty("schema");
        var by = expanded.GetProperty("properties").GetProperty("by");
        Assert.False(by.TryGetProperty("$id", out _));
        Assert.Equal("#/properties/by/definitions/name", by.GetProperty("properties").GetProperty("name").GetProperty("$ref").GetString());
        Assert.Equal("#/properties/by", by.GetProperty("properties").GetProperty("friends").GetProperty("items").GetProperty("$ref").GetString());
        Assert.Equal("#/properties/for/definitions/name", expanded.GetProperty("properties").GetProperty("for").GetProperty("properties").GetProperty("name").GetProperty("$ref").GetString());
        Assert.Equal("#/properties/by", expanded.GetProperty("properties").GetProperty("self").GetProperty("$ref").GetString());

        // The expanded document stands alone and gives the verdicts of operation 45.
        var alone = JsonSchema.Build(expanded, new BuildOptions { Dialect = Dialect.Draft07, SchemaRegistry = new SchemaRegistry() });
        foreach (var document in new[] { """{"by":{"name":"a","friends":[{"name":"b"}]}}""", """{"by":{"name":"a","friends":[{"name":""}]}}""", """{"for":{}}""", """{"self":{"name":1}}""" })
        {
            var served = await (await app.ValidateAsync(bearer, "us", note, document)).AssertOkAsync();
            var local = alone.Evaluate(JsonDocument.Parse(document).RootElement, new EvaluationOptions { RequireFormatValidation = true });
            Assert.Equal(local.IsValid, served.GetProperty("valid").GetBoolean());
        }
        Assert.False((await (await app.ValidateAsync(bearer, "us", note, """{"by":{"name":"a","friends":[{}]}}""")).AssertOkAsync()).GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task References_follow_the_current_version_of_the_schema_named()
    {
        var (_, _, user) = await app.CreateSignedInUserAsync();
        var part = SchemaClient.NewName("part");
        var whole = SchemaClient.NewName("whole");
        await app.CreatedAsync(user.IdentityToken, part, "us", """{"type":"number"}""");
        await app.CreatedAsync(user.IdentityToken, whole, "us", $$$$"""{"items":{"$ref":"{{{{part}}}}"}}""");
        Assert.True((await (await app.ValidateAsync(user.IdentityToken, "us", whole, "[1]")).AssertOkAsync()).GetProperty("valid").GetBoolean());

        await (await app.UpdateAsync(user.IdentityToken, "us", part, """{"type":"string"}""")).AssertOkAsync();

        Assert.False((await (await app.ValidateAsync(user.IdentityToken, "us", whole, "[1]")).AssertOkAsync()).GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task A_cycle_between_schemas_is_refused_naming_it()
    {
        var (_, _, user) = await app.CreateSignedInUserAsync();
        var a = SchemaClient.NewName("a");
        var b = SchemaClient.NewName("b");
        await app.CreatedAsync(user.IdentityToken, a, "us", "{}");
        await app.CreatedAsync(user.IdentityToken, b, "us", $$$$"""{"properties":{"a":{"$ref":"{{{{a}}}}"}}}""");

        var error = await (await app.UpdateAsync(user.IdentityToken, "us", a, $$$$"""{"properties":{"b":{"$ref":"{{{{b}}}}"}}}"""))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "schema_reference_cycle");

        Assert.Contains($"'us_{a}' -> 'us_{b}' -> 'us_{a}'", error.GetProperty("message").GetString());
        Assert.Equal(1, (await (await app.GetAsync($"/db/v1/schemas/us/{a}", user.IdentityToken)).AssertOkAsync()).GetProperty("version").GetInt32());
        var self = await (await app.UpdateAsync(user.IdentityToken, "us", a, $$$$"""{"items":{"$ref":"https://api.rayt.io/public/prod/v1/schema/us/{{{{a}}}}"}}""")).AssertOkAsync();
        Assert.Equal(2, self.GetProperty("version").GetInt32()); // the same document: an internal reference, not a cycle
    }

    [Fact]
    public async Task Chains_longer_than_the_limit_are_refused()
    {
        var (_, _, user) = await app.CreateSignedInUserAsync();
        var names = Enumerable.Range(0, MaxDepth + 2).Select(i => SchemaClient.NewName($"chain{i}")).ToList();
        await app.CreatedAsync(user.IdentityToken, names[0], "us", "{}");
        for (var i = 1; i <= MaxDepth; i++)
        {
            await app.CreatedAsync(user.IdentityToken, names[i], "us", $$$$"""{"items":{"$ref":"{{{{names[i - 1]}}}}"}}""");
        }

        await (await app.CreateAsync(user.IdentityToken, names[MaxDepth + 1], "us", $$$$"""{"items":{"$ref":"{{{{names[MaxDepth]}}}}"}}"""))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "schema_reference_too_deep");
    }

    [Fact]
    public async Task Expansions_that_inline_too_many_documents_are_refused()
    {
        var (_, _, user) = await app.CreateSignedInUserAsync();
        var leaf = SchemaClient.NewName("leaf");
        var twice = SchemaClient.NewName("twice");
        await app.CreatedAsync(user.IdentityToken, leaf, "us", "{}");
        await app.CreatedAsync(user.IdentityToken, twice, "us", $$$$"""{"items":[{"$ref":"{{{{leaf}}}}"},{"$ref":"{{{{leaf}}}}"}]}""");

        await (await app.CreateAsync(user.IdentityToken, SchemaClient.NewName("many"), "us", $$$$"""{"items":[{"$ref":"{{{{twice}}}}"},{"$ref":"{{{{twice}}}}"}]}"""))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "schema_expansion_too_large");
    }

    [Theory]
    [InlineData("ps", "us", "schema_reference_not_allowed")]
    [InlineData("ss", "ps", "schema_reference_not_allowed")]
    public async Task Shared_schemas_refer_only_to_schemas_that_cannot_change_under_them(string from, string to, string code)
    {
        var (_, _, user) = await app.CreateSignedInUserAsync();
        var admin = await app.CreateAdministratorAsync();
        var target = SchemaClient.NewName("target");
        await app.CreatedAsync(user.IdentityToken, target, to, "{}");

        await (await app.CreateAsync(admin.IdentityToken, SchemaClient.NewName("from"), from, $$$$"""{"items":{"$ref":"../{{{{to}}}}/{{{{target}}}}"}}"""))
            .AssertErrorAsync(HttpStatusCode.BadRequest, code);
    }

    [Theory]
    [InlineData("../ss/NZ_Person#/properties/last_name", "a part of another schema")]
    [InlineData("../ss/NZ_Person?version=1", "no schema of this installation")]
    [InlineData("../os/person", "no schema of this installation")]
    [InlineData("../../other/NZ_Person", "no schema of this installation")]
    public async Task References_name_whole_schemas_of_this_installation(string reference, string expected)
    {
        var (_, _, user) = await app.CreateSignedInUserAsync();

        var error = await (await app.CreateAsync(user.IdentityToken, SchemaClient.NewName("r"), "us", $$$$"""{"items":{"$ref":"{{{{reference}}}}"}}"""))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Contains(expected, error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task The_draft07_meta_schema_may_be_referred_to()
    {
        var (_, _, user) = await app.CreateSignedInUserAsync();
        var bare = SchemaClient.NewName("meta");
        await app.CreatedAsync(user.IdentityToken, bare, "us", """{"properties":{"inner":{"$ref":"http://json-schema.org/draft-07/schema#"}}}""");

        Assert.True((await (await app.ValidateAsync(user.IdentityToken, "us", bare, """{"inner":{"type":"string"}}""")).AssertOkAsync()).GetProperty("valid").GetBoolean());
        Assert.False((await (await app.ValidateAsync(user.IdentityToken, "us", bare, """{"inner":{"type":5}}""")).AssertOkAsync()).GetProperty("valid").GetBoolean());
    }

    /// <summary>Small limits, so that a chain or a fan-out over them is cheap to build.</summary>
    public sealed class ShallowFactory : RaytioFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
        [
            new("Raytio:Schemas:MaxReferenceDepth", MaxDepth.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Raytio:Schemas:MaxExpandedReferences", "5"),
        ];
    }
}
