using System.Net;
using System.Text.Json;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.AccessApplications;

/// <summary>An application as the tests use it: its a_id, its owner and (with generate_secret) its client credentials.</summary>
public sealed record TestApp(Guid Id, GraphUser Owner, string? Key, string? Secret)
{
    public string Path => $"/share/v1/access_applications/{Id}";
}

/// <summary>Calls of the access-application operations.</summary>
public static class AppClient
{
    public const string Scope = "profile-oauth/read_profile";

    public static object Body(string name = "My app", bool generateSecret = false, Guid? orgId = null) => new
    {
        name,
        description = "An application to let you rule the world",
        scopes = new[] { Scope },
        callback_uri = new[] { "https://example.com/callback" },
        picture = "string",
        transitions = new[] { new { state = "Submitted", next_states = new { actions = new[] { new { destinations = new[] { "hello@rayt.io" }, method = "email", template = "string" } }, state = "Processing" } } },
        tags = new[] { "loans", "default" },
        theme = new { colors = new { sirPinklyText = "#ae6ac3", blank = "white" } },
        generate_secret = generateSecret,
        org_id = orgId,
    };

    public static async Task<TestApp> CreateAppAsync(this RaytioFactory app, GraphUser? owner = null, bool generateSecret = false, Guid? orgId = null)
    {
        owner ??= await GraphUser.CreateAsync(app);
        var answer = await (await app.PostJsonAsync("/share/v1/access_applications", Body(generateSecret: generateSecret, orgId: orgId), owner.Bearer)).AssertOkAsync();
        return new TestApp(answer.GetProperty("a_id").GetGuid(), owner,
            answer.GetProperty("key").GetString(), answer.TryGetProperty("secret", out var secret) ? secret.GetString() : null);
    }

    public static Task<HttpResponseMessage> CreateAppRawAsync(this RaytioFactory app, string json, string? bearer) =>
        app.SendJsonTextAsync(HttpMethod.Post, "/share/v1/access_applications", json, bearer);

    public static async Task AssertAppNotFoundAsync(this HttpResponseMessage response) =>
        await response.AssertErrorAsync(HttpStatusCode.NotFound, "access_application_not_found");

    public static async Task<JsonElement> AssertInvalidAsync(this HttpResponseMessage response, string field)
    {
        var body = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), $"no error for '{field}': {body.GetRawText()}");
        return body;
    }
}
