using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Hosting;

/// <summary>The conventions of ENDPOINTS.md that hold for every route.</summary>
public sealed class ConventionsTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task The_configured_database_engine_is_in_use()
    {
        var provider = await app.WithDbAsync(db => Task.FromResult(db.Database.ProviderName));
        Assert.Contains(TestDatabase.IsPostgres ? "Npgsql" : "Sqlite", provider);
    }

    [Fact]
    public async Task Health_and_readiness_answer_ok()
    {
        Assert.Equal("ok", (await (await app.GetAsync("/healthz")).AssertOkAsync()).GetProperty("status").GetString());
        Assert.Equal("ok", (await (await app.GetAsync("/readyz")).AssertOkAsync()).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("v2")]
    [InlineData("v0")]
    [InlineData("V1")]
    public async Task Other_versions_are_404_with_the_exact_message(string version)
    {
        var body = await (await app.PostJsonAsync($"/oauth/{version}/token", new { grant_type = "password" }))
            .AssertErrorAsync(HttpStatusCode.NotFound, "unsupported_version");
        Assert.Equal($"Unsupported API version '{version}'", body.GetProperty("message").GetString());
        await (await app.GetAsync($"/db/{version}/preferences")).AssertErrorAsync(HttpStatusCode.NotFound, "unsupported_version");
    }

    [Fact]
    public async Task Unknown_routes_are_404_json()
    {
        await (await app.GetAsync("/no/such/route")).AssertErrorAsync(HttpStatusCode.NotFound, "not_found");
        await (await app.GetAsync("/oauth/v1/nothing-here")).AssertErrorAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Wrong_methods_are_405_json()
    {
        var response = await app.CreateClient().DeleteAsync("/oauth/v1/token");
        await response.AssertErrorAsync(HttpStatusCode.MethodNotAllowed, "method_not_allowed");
    }

    [Theory]
    [InlineData("{")]
    [InlineData("{\"username\": }")]
    [InlineData("{\"username\": \"a\"")]
    [InlineData("nul")]
    public async Task Malformed_json_is_400_naming_the_problem(string json)
    {
        var response = await app.CreateClient().PostAsync("/oauth/v1/signup", new StringContent(json, Encoding.UTF8, "application/json"));
        var body = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "malformed_json");
        Assert.Contains("line 1", body.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("/oauth/v1/token", "[1,2]")]
    [InlineData("/oauth/v1/signup", "[1,2]")]
    [InlineData("/oauth/v1/signup", "42")]
    [InlineData("/oauth/v1/signup", "\"someone@example.com\"")]
    [InlineData("/oauth/v1/signup", "true")]
    [InlineData("/oauth/v1/signup", "null")]
    [InlineData("/oauth/v1/signup", "[1,2")]
    [InlineData("/oauth/v1/verify", "42")]
    [InlineData("/oauth/v1/password-reset", "null")]
    [InlineData("/oauth/v1/password-confirm", "[]")]
    public async Task A_json_body_that_is_not_an_object_is_400_saying_an_object_is_expected(string path, string json)
    {
        var body = await (await app.SendJsonTextAsync(HttpMethod.Post, path, json)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal("The request body must be a JSON object.", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Password_change_with_a_body_that_is_not_an_object_is_400_saying_an_object_is_expected()
    {
        var (_, _, tokens) = await app.CreateSignedInUserAsync();
        foreach (var json in new[] { "[\"a\"]", "7", "null" })
        {
            var body = await (await app.SendJsonTextAsync(HttpMethod.Post, "/oauth/v1/password-change", json, tokens.IdentityToken))
                .AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
            Assert.Equal("The request body must be a JSON object.", body.GetProperty("message").GetString());
        }
    }

    [Fact]
    public async Task A_field_of_the_wrong_type_is_400_naming_the_field()
    {
        var response = await app.CreateClient().PostAsync("/oauth/v1/signup", new StringContent("{\"username\": 42, \"password\": \"abcdefabcdef\"}", Encoding.UTF8, "application/json"));
        var body = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(body.GetProperty("errors").TryGetProperty("username", out _));
    }

    [Fact]
    public async Task An_empty_body_is_400_saying_a_body_is_required()
    {
        var response = await app.CreateClient().PostAsync("/oauth/v1/signup", new StringContent("", Encoding.UTF8, "application/json"));
        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "body_required");
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
    }

    [Fact]
    public async Task A_wrong_media_type_is_415()
    {
        var response = await app.CreateClient().PostAsync("/oauth/v1/signup", new StringContent("username=a", Encoding.UTF8, "application/x-www-form-urlencoded"));
        await response.AssertErrorAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413()
    {
        var big = new string('a', 10 * 1024 * 1024 + 1);
        var content = new StringContent(big, Encoding.UTF8, "application/json");
        var response = await app.CreateClient().PostAsync("/oauth/v1/signup", content);
        await response.AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Fact]
    public async Task OpenApi_lists_every_implemented_operation_with_schemas()
    {
        var document = await (await app.GetAsync("/openapi/v1.json")).AssertOkAsync();
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "token", "signup", "verify", "password-reset", "password-confirm", "password-change" })
        {
            var operation = paths.GetProperty($"/oauth/{{version}}/{path}").GetProperty("post");
            Assert.True(operation.TryGetProperty("requestBody", out _), path);
            Assert.True(operation.GetProperty("responses").TryGetProperty("200", out _), path);
        }
        Assert.True(paths.GetProperty("/db/{version}/preferences").TryGetProperty("get", out _));
        Assert.True(paths.TryGetProperty("/.well-known/jwks.json", out _));
    }

    [Fact]
    public async Task The_reference_page_is_served()
    {
        var response = await app.GetAsync("/docs");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("text/html", response.Content.Headers.ContentType?.ToString());
    }
}
