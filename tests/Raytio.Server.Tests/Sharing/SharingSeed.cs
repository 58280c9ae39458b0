using System.Text.Json;
using System.Text.Json.Nodes;
using Raytio.Server.Tests.AccessApplications;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.ProfileObjects;

namespace Raytio.Server.Tests.Sharing;

/// <summary>An application seeded for a test: its id, owner and default public key.</summary>
public sealed record SeededApplication(Guid Id, GraphUser Owner, Guid PublicKeyId)
{
    public string InstancesPath => $"/share/v1/access_applications/{Id}/instances";
}

/// <summary>Applications, keys and shares made through the HTTP API, as a client would.</summary>
public static class SharingSeed
{
    public const string Transitions = """
        [{"state": "Submitted", "next_states": [{"state": "Processing", "actions": []}, {"state": "Rejected", "actions": []}]},
         {"state": "Processing", "next_states": {"state": "Approved", "actions": []}}]
        """;

    /// <summary>Transitions Submitted -> Rejected with one action to one destination.</summary>
    public static string OneAction(string method, string destination, string? template = null) => JsonSerializer.Serialize(new[]
    {
        new { state = "Submitted", next_states = new { state = "Rejected", actions = new[] { new { method, destinations = new[] { destination }, template } } } },
    });

    /// <summary>One RSA key for every seeded application: generating a 2048-bit key per test costs more than the test.</summary>
    private static readonly Lazy<Dictionary<string, object>> SharedJwk = new(() => TestKeys.Jwk());

    /// <summary>
    /// Creates an application owned by <paramref name="owner"/> (optionally an organisation's) through operation 70
    /// and gives it a public key through operation 76.
    /// </summary>
    public static async Task<SeededApplication> SeedApplicationAsync(this RaytioFactory app, GraphUser owner, Guid? organizationId = null, string transitions = Transitions)
    {
        var body = new JsonObject
        {
            ["name"] = "DL Check",
            ["scopes"] = new JsonArray(AppClient.Scope),
            ["callback_uri"] = new JsonArray("https://example.com/callback"),
            ["transitions"] = JsonNode.Parse(transitions),
            ["org_id"] = organizationId?.ToString(),
        };
        var created = await (await app.SendJsonTextAsync(HttpMethod.Post, "/share/v1/access_applications", body.ToJsonString(), owner.Bearer)).AssertOkAsync();
        var id = created.GetProperty("a_id").GetGuid();
        var key = await (await app.PostJsonAsync($"/share/v1/access_applications/{id}/public_key", new { key = SharedJwk.Value }, owner.Bearer)).AssertOkAsync();
        return new SeededApplication(id, owner, key.GetProperty("n_id").GetGuid());
    }

    /// <summary>Makes <paramref name="user"/>, a member of the application's organisation, an authorised user (operation 79).</summary>
    public static async Task AuthorizeAsync(this RaytioFactory app, SeededApplication application, GraphUser user) =>
        await (await app.PostJsonAsync($"/share/v1/public_keys/{application.PublicKeyId}/private_keys",
            new { key = TestKeys.Wrapped(), u_id = user.Id }, application.Owner.Bearer)).AssertOkAsync();

    public static Task<HttpResponseMessage> ShareAsync(this RaytioFactory app, GraphUser? person, SeededApplication application, object body) =>
        app.PostJsonAsync(application.InstancesPath, body, person?.Bearer);

    /// <summary>Creates a thing of <paramref name="person"/> and shares it; answers (n_id, instance).</summary>
    public static async Task<(string NId, JsonElement Instance)> ShareNewThingAsync(this RaytioFactory app, GraphUser person, SeededApplication application, string name = "Ada")
    {
        var schema = await app.NewSchemaAsync(person);
        var thing = await app.CreatedObjectAsync(person, schema, $$"""{"name": "{{name}}", "age": 36}""");
        var instance = await (await app.ShareAsync(person, application, new
        {
            profile_objects = new[] { thing.NId() },
            keys = new[] { new { n_id = thing.NId(), field_name = "name", public_key_n_id = application.PublicKeyId, encrypted_key = "AAECAwQ" } },
            reference = "abc123",
        })).AssertOkAsync();
        return (thing.NId(), instance);
    }

    public static string IId(this JsonElement instance) => instance.GetProperty("i_id").GetString()!;
}
