using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Graph;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Schemas;

namespace Raytio.Server.Tests.ProfileObjects;

/// <summary>The profile-object operations as the tests call them, and the graph facts they check.</summary>
internal static class ProfileObjectClient
{
    /// <summary>A small schema: `name` required, `age` a non-negative integer, anything else allowed.</summary>
    public const string ThingSchema = """{"type":"object","required":["name"],"properties":{"name":{"type":"string"},"age":{"type":"integer","minimum":0}}}""";

    /// <summary>A fresh user schema of <paramref name="owner"/>; answers its full name.</summary>
    public static async Task<string> NewSchemaAsync(this RaytioFactory app, GraphUser owner, string schema = ThingSchema)
    {
        var bare = SchemaClient.NewName("Thing");
        await app.CreatedAsync(owner.Bearer, bare, "us", schema);
        return $"us_{bare}";
    }

    public static Task<HttpResponseMessage> CreateObjectsAsync(this RaytioFactory app, string? bearer, string json) =>
        app.SendJsonTextAsync(HttpMethod.Post, "/db/v1/profile_objects", json, bearer);

    public static async Task<JsonElement> CreatedObjectAsync(this RaytioFactory app, GraphUser owner, string schema, string properties, string labels = "[]") =>
        await (await app.CreateObjectsAsync(owner.Bearer, $$$"""{"schema":"{{{schema}}}","labels":{{{labels}}},"properties":{{{properties}}}}""")).AssertOkAsync();

    public static Task<HttpResponseMessage> UpdateObjectsAsync(this RaytioFactory app, string? bearer, string json) =>
        app.SendJsonTextAsync(HttpMethod.Patch, "/db/v1/profile_objects", json, bearer);

    public static Task<HttpResponseMessage> ReadObjectsAsync(this RaytioFactory app, string? bearer, string json, string query = "") =>
        app.SendJsonTextAsync(HttpMethod.Post, $"/db/v1/profile_objects/read{query}", json, bearer);

    public static Task<HttpResponseMessage> DeleteObjectAsync(this RaytioFactory app, string? bearer, string nId) =>
        app.SendAsync(HttpMethod.Delete, $"/db/v1/profile_objects/{nId}", null, bearer);

    public static string NId(this JsonElement answer) => answer.GetProperty("n_id").GetString()!;

    public static long NodeId(this JsonElement answer) => answer.GetProperty("id").GetInt64();

    public static string Urn(this JsonElement answer) => $"urn:profile_object:{answer.NId()}";

    public static string[] NIds(this JsonElement list) => [.. list.GetProperty("profile_objects").EnumerateArray().Select(o => o.NId())];

    /// <summary>A label no other test uses, to read back only this test's objects.</summary>
    public static string NewLabel() => $"L{Guid.NewGuid():N}";

    public static Task<long> PublicNodeAsync(this RaytioFactory app) =>
        app.WithDbAsync(db => db.GraphNodes.Where(n => n.Key == PublicGroup.Key).Select(n => n.Id).FirstAsync());

    /// <summary>Gives <paramref name="user"/> a permission relationship to an object.</summary>
    public static async Task GrantAsync(this RaytioFactory app, GraphUser user, long nodeId, string type) =>
        await app.RelationshipAsync(await app.UserNodeAsync(user), nodeId, type);

    /// <summary>PUBLIC VIEWS: readable by everyone, anonymously too.</summary>
    public static async Task MakePublicAsync(this RaytioFactory app, long nodeId) =>
        await app.RelationshipAsync(await app.PublicNodeAsync(), nodeId, RelationshipTypes.Views);

    public static Task<List<AuditEvent>> AuditEventsAsync(this RaytioFactory app, Guid subject) =>
        app.WithDbAsync(db => db.AuditEvents.Where(e => e.SubjectId == subject).OrderBy(e => e.Id).ToListAsync());
}
