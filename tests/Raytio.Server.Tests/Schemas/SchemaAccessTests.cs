using System.Net;
using System.Text.Json;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Schemas;

/// <summary>Who may read and write which schemas; what others learn (nothing).</summary>
public sealed class SchemaAccessTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task Anonymous_callers_get_401_from_every_bearer_operation()
    {
        await (await app.CreateAsync(null, "x", "us", "{}")).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await app.GetAsync("/db/v1/schemas?schema_type=all")).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await app.GetAsync("/db/v1/schemas/ss/NZ_Person")).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await app.ValidateAsync(null, "ss", "NZ_Person", "{}")).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await app.UpdateAsync(null, "ss", "NZ_Person", "{}")).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task A_user_schema_is_invisible_to_other_users_and_to_anonymous_callers()
    {
        var (_, _, alice) = await app.CreateSignedInUserAsync();
        var (_, _, bob) = await app.CreateSignedInUserAsync();
        var bare = SchemaClient.NewName("private");
        await app.CreatedAsync(alice.IdentityToken, bare, "us", """{"title":"secret title"}""");

        var answers = new[]
        {
            await app.GetAsync($"/db/v1/schemas/us/{bare}", bob.IdentityToken),
            await app.GetAsync($"/db/v1/schemas/us/us_{bare}", bob.IdentityToken),
            await app.ValidateAsync(bob.IdentityToken, "us", bare, "{}"),
            await app.UpdateAsync(bob.IdentityToken, "us", bare, "{}"),
            await app.GetAsync($"/db/v1/public/schemas/us/{bare}"),
            await app.GetAsync($"/db/v1/schemas/us/never_created_{Guid.NewGuid():N}", bob.IdentityToken),
        };

        foreach (var answer in answers)
        {
            var error = await answer.AssertErrorAsync(HttpStatusCode.NotFound, "schema_not_found");
            Assert.DoesNotContain("secret", error.GetRawText());
        }
        Assert.DoesNotContain(bare, await ListTextAsync("/db/v1/schemas?schema_type=all&version_current=false", bob.IdentityToken));
        Assert.DoesNotContain(bare, await ListTextAsync("/db/v1/public/schemas?schema_type=all"));
        Assert.Equal("[]", await ListTextAsync("/db/v1/public/schemas?schema_type=us"));
        Assert.Contains(bare, await ListTextAsync("/db/v1/schemas?schema_type=us", alice.IdentityToken));
        // Bob's failed update changed nothing.
        var read = await (await app.GetAsync($"/db/v1/schemas/us/{bare}", alice.IdentityToken)).AssertOkAsync();
        Assert.Equal(1, read.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Public_and_system_schemas_are_readable_without_a_token()
    {
        var (_, _, alice) = await app.CreateSignedInUserAsync();
        var bare = SchemaClient.NewName("shared");
        await app.CreatedAsync(alice.IdentityToken, bare, "ps", """{"type":"object"}""");

        var read = await (await app.GetAsync($"/db/v1/public/schemas/ps/{bare}")).AssertOkAsync();
        Assert.Equal($"ps_{bare}", read.GetProperty("name").GetString());
        var system = await (await app.GetAsync("/db/v1/public/schemas/ss/NZ_Person")).AssertOkAsync();
        Assert.Equal("ss_NZ_Person", system.GetProperty("name").GetString());
        Assert.Contains(bare, await ListTextAsync("/db/v1/public/schemas?schema_type=ps"));
        var systems = JsonDocument.Parse(await ListTextAsync("/db/v1/public/schemas?schema_type=ss")).RootElement;
        Assert.All(systems.EnumerateArray(), s => Assert.Equal("ss", s.GetProperty("type").GetString()));
        await (await app.GetAsync("/db/v1/public/schemas/ps/ss_NZ_Person")).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Only_installation_administrators_create_or_change_system_schemas()
    {
        var (_, _, user) = await app.CreateSignedInUserAsync();
        var admin = await app.CreateAdministratorAsync();
        var bare = SchemaClient.NewName("System_Thing");

        await (await app.CreateAsync(user.IdentityToken, bare, "ss", "{}")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await app.GetAsync($"/db/v1/public/schemas/ss/{bare}")).AssertNotFoundAsync();
        await app.CreatedAsync(admin.IdentityToken, bare, "ss", """{"type":"object"}""");
        await (await app.UpdateAsync(user.IdentityToken, "ss", bare, "{}")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await app.UpdateAsync(user.IdentityToken, "ss", "NZ_Person", "{}")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        var updated = await (await app.UpdateAsync(admin.IdentityToken, "ss", bare, """{"type":"array"}""")).AssertOkAsync();
        Assert.Equal(2, updated.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task A_public_schema_is_changed_by_its_creator_or_an_administrator_only()
    {
        var (_, _, alice) = await app.CreateSignedInUserAsync();
        var (_, _, bob) = await app.CreateSignedInUserAsync();
        var admin = await app.CreateAdministratorAsync();
        var bare = SchemaClient.NewName("published");
        await app.CreatedAsync(alice.IdentityToken, bare, "ps", "{}");

        await (await app.UpdateAsync(bob.IdentityToken, "ps", bare, """{"type":"null"}""")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await app.UpdateAsync(admin.IdentityToken, "ps", bare, """{"type":"object"}""")).AssertOkAsync();
        var byCreator = await (await app.UpdateAsync(alice.IdentityToken, "ps", bare, """{"type":"array"}""")).AssertOkAsync();
        Assert.Equal(3, byCreator.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Other_users_schemas_cannot_be_referred_to()
    {
        var (_, _, alice) = await app.CreateSignedInUserAsync();
        var (_, _, bob) = await app.CreateSignedInUserAsync();
        var bare = SchemaClient.NewName("alices");
        await app.CreatedAsync(alice.IdentityToken, bare, "us", """{"type":"string"}""");

        var error = await (await app.CreateAsync(bob.IdentityToken, SchemaClient.NewName("bobs"), "us", $$$$"""{"items":{"$ref":"../us/{{{{bare}}}}"}}"""))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "schema_reference_unknown");
        Assert.Contains("does not exist", error.GetProperty("message").GetString());
    }

    private async Task<string> ListTextAsync(string path, string? bearer = null)
    {
        var response = await app.GetAsync(path, bearer);
        await response.AssertOkAsync();
        return await response.Content.ReadAsStringAsync();
    }
}
