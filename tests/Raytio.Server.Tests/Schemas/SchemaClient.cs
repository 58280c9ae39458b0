using System.Net;
using System.Text.Json;
using Raytio.Server.Cli;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Schemas;

/// <summary>The schema operations as the tests call them.</summary>
internal static class SchemaClient
{
    public static Task<HttpResponseMessage> CreateAsync(this RaytioFactory app, string? bearer, string name, string type, string schema) =>
        app.SendJsonTextAsync(HttpMethod.Post, "/db/v1/schemas", $$"""{"name":{{JsonSerializer.Serialize(name)}},"type":{{JsonSerializer.Serialize(type)}},"schema":{{schema}}}""", bearer);

    public static Task<HttpResponseMessage> UpdateAsync(this RaytioFactory app, string? bearer, string type, string id, string schema) =>
        app.SendJsonTextAsync(HttpMethod.Put, $"/db/v1/schemas/{type}/{id}", $$"""{"schema":{{schema}}}""", bearer);

    public static Task<HttpResponseMessage> ValidateAsync(this RaytioFactory app, string? bearer, string type, string id, string document) =>
        app.SendJsonTextAsync(HttpMethod.Post, $"/db/v1/schemas/{type}/{id}/validate", document, bearer);

    public static async Task<JsonElement> CreatedAsync(this RaytioFactory app, string bearer, string name, string type, string schema) =>
        await (await app.CreateAsync(bearer, name, type, schema)).AssertOkAsync();

    /// <summary>A signed-in user whom the `admins add` command made an installation administrator.</summary>
    public static async Task<Tokens> CreateAdministratorAsync(this RaytioFactory app)
    {
        var (email, _, tokens) = await app.CreateSignedInUserAsync();
        var output = new StringWriter();
        Assert.Equal(0, await ServerCommands.RunAsync(new ServerCommands.Command("admins", ["add", email]), app.Services, output));
        return tokens;
    }

    /// <summary>A fresh bare name, so tests sharing a host never collide.</summary>
    public static string NewName(string stem) => $"{stem}_{Guid.NewGuid():N}"[..Math.Min(stem.Length + 13, 100)];

    public static async Task AssertNotFoundAsync(this HttpResponseMessage response) =>
        await response.AssertErrorAsync(HttpStatusCode.NotFound, "schema_not_found");
}
