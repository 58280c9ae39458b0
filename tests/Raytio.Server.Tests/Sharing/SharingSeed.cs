using System.Text.Json;
using Raytio.Server.Features.AccessApplications;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.ProfileObjects;

namespace Raytio.Server.Tests.Sharing;

/// <summary>An application seeded for a test: its id, owner and default public key.</summary>
public sealed record SeededApplication(Guid Id, GraphUser Owner, Guid PublicKeyId)
{
    public string InstancesPath => $"/share/v1/access_applications/{Id}/instances";
}

/// <summary>
/// Applications and public keys inserted as rows (the application operations are built on another
/// branch; the merge switches these helpers to the HTTP API), and the sharing calls as tests make them.
/// </summary>
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

    /// <summary>Inserts a live application owned by <paramref name="owner"/> (optionally an organisation's) with one public key.</summary>
    public static async Task<SeededApplication> SeedApplicationAsync(this RaytioFactory app, GraphUser owner, Guid? organizationId = null, string transitions = Transitions, string jwk = "{}")
    {
        var id = Guid.NewGuid();
        var keyId = Guid.NewGuid();
        var now = app.Time.GetUtcNow().UtcDateTime;
        var stored = ApplicationTransitions.FromStored(transitions).ToJson().ToJsonString();
        await app.WithDbAsync(async db =>
        {
            db.AccessApplications.Add(new AccessApplication { Id = id, Name = "DL Check", OwnerId = owner.Id, OrganizationId = organizationId, TransitionsJson = stored, CreatedAt = now, UpdatedAt = now });
            db.ApplicationPublicKeys.Add(new ApplicationPublicKey { Id = keyId, ApplicationId = id, Jwk = jwk, CreatedBy = owner.Id, CreatedAt = now });
            return await db.SaveChangesAsync();
        });
        return new SeededApplication(id, owner, keyId);
    }

    /// <summary>Makes <paramref name="user"/> an authorised user of the application (what operation 79 does).</summary>
    public static Task AuthorizeAsync(this RaytioFactory app, SeededApplication application, GraphUser user) =>
        app.WithDbAsync(db =>
        {
            db.AccessApplicationUsers.Add(new AccessApplicationUser { ApplicationId = application.Id, UserId = user.Id, CreatedAt = app.Time.GetUtcNow().UtcDateTime });
            return db.SaveChangesAsync();
        });

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
