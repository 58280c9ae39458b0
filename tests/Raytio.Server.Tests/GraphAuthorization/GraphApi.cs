using System.Text.Json;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Schemas;

namespace Raytio.Server.Tests.GraphAuthorization;

/// <summary>
/// The profile-graph operations (34-40, the delete, 48-63, 89) as the whole-area tests call them,
/// one method per operation, bodies as docs/GRAPH.md and the reference give them.
/// </summary>
internal static class GraphApi
{
    private const string Objects = "/db/v1/profile_objects";
    private const string Groups = "/db/v1/groups";

    /// <summary>A public schema any object may use (`{"type":"object"}`); its full name is also a label of every object made with it.</summary>
    public static async Task<string> NewSchemaAsync(this RaytioFactory app, string bearer, string stem) =>
        (await app.CreatedAsync(bearer, SchemaClient.NewName(stem), "ps", """{"type":"object"}""")).GetProperty("name").GetString()!;

    public static Task<HttpResponseMessage> CreateObjectAsync(this RaytioFactory app, string? bearer, string schema, string properties, string? documentText = null)
    {
        var document = documentText is null
            ? ""
            : $$""","document":{"content":"{{Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(documentText))}}","type":"text/plain"}""";
        return app.SendJsonTextAsync(HttpMethod.Post, Objects, $$"""{"schema":{{Json(schema)}},"properties":{{properties}}{{document}}}""", bearer);
    }

    /// <summary>Creates an object and answers its n_id.</summary>
    public static async Task<Guid> CreatedObjectAsync(this RaytioFactory app, string bearer, string schema, string properties = "{}", string? documentText = null) =>
        (await (await app.CreateObjectAsync(bearer, schema, properties, documentText)).AssertOkAsync()).GetProperty("n_id").GetGuid();

    public static Task<HttpResponseMessage> UpdateObjectAsync(this RaytioFactory app, string? bearer, Guid nId, string patch) =>
        app.SendJsonTextAsync(HttpMethod.Patch, Objects, $$"""[{"n_id":"{{nId}}","params":{{patch}}}]""", bearer);

    public static Task<HttpResponseMessage> ContentAsync(this RaytioFactory app, string? bearer, Guid nId) =>
        app.GetAsync($"{Objects}/{nId}/content", bearer);

    public static Task<HttpResponseMessage> PublicContentAsync(this RaytioFactory app, string? bearer, Guid nId) =>
        app.GetAsync($"/db/v1/public/profile_objects/{nId}/content", bearer);

    /// <summary>Operation 38: `{profile_objects?, permissions?}` in the body.</summary>
    public static Task<HttpResponseMessage> ReadObjectsAsync(this RaytioFactory app, string? bearer, string body) =>
        app.SendJsonTextAsync(HttpMethod.Post, $"{Objects}/read", body, bearer);

    /// <summary>Operation 39: the same filters as query parameters holding JSON.</summary>
    public static Task<HttpResponseMessage> ListObjectsAsync(this RaytioFactory app, string? bearer, string profileObjectsFilter) =>
        app.GetAsync($"{Objects}?profile_objects={Uri.EscapeDataString(profileObjectsFilter)}", bearer);

    public static Task<HttpResponseMessage> ObjectAsync(this RaytioFactory app, string? bearer, Guid nId) =>
        app.GetAsync($"{Objects}/{nId}", bearer);

    public static Task<HttpResponseMessage> DeleteObjectAsync(this RaytioFactory app, string? bearer, Guid nId) =>
        app.SendAsync(HttpMethod.Delete, $"{Objects}/{nId}", null, bearer);

    /// <summary>Operation 48; <paramref name="grantee"/> is the JSON member naming the principal, e.g. `"u_id":"..."`.</summary>
    public static Task<HttpResponseMessage> GrantAsync(this RaytioFactory app, string? bearer, Guid nId, string grantee, string permission, bool cascade) =>
        app.SendJsonTextAsync(HttpMethod.Post, $"{Objects}/{nId}/permissions",
            $$"""{{{grantee}},"permission":{{Json(permission)}},"cascade":{{(cascade ? "true" : "false")}}}""", bearer);

    public static string User(Guid uId) => $"\"u_id\":\"{uId}\"";

    public static string Group(Guid gId) => $"\"g_id\":\"{gId}\"";

    /// <summary>Grants and answers the p_id of the grant on <paramref name="nId"/> itself.</summary>
    public static async Task<Guid> GrantedAsync(this RaytioFactory app, string bearer, Guid nId, string grantee, string permission, bool cascade = false)
    {
        var answer = await (await app.GrantAsync(bearer, nId, grantee, permission, cascade)).AssertOkAsync();
        var end = $"urn:profile_object:{nId}";
        return answer.GetProperty("relationships").EnumerateArray()
            .First(r => r.GetProperty("end").GetString() == end && r.GetProperty("type").GetString() == permission)
            .GetProperty("p_id").GetGuid();
    }

    public static Task<HttpResponseMessage> PermissionsAsync(this RaytioFactory app, string? bearer, Guid nId) =>
        app.GetAsync($"{Objects}/{nId}/permissions", bearer);

    public static Task<HttpResponseMessage> RevokeAsync(this RaytioFactory app, string? bearer, Guid pId) =>
        app.SendAsync(HttpMethod.Delete, $"/db/v1/permissions/{pId}", null, bearer);

    public static Task<HttpResponseMessage> CreateGroupAsync(this RaytioFactory app, string? bearer, string name) =>
        app.SendJsonTextAsync(HttpMethod.Post, Groups, $$"""{"name":{{Json(name)}}}""", bearer);

    /// <summary>Creates a group and answers its g_id and node id.</summary>
    public static async Task<(Guid GId, long NodeId)> CreatedGroupAsync(this RaytioFactory app, string bearer, string name)
    {
        var group = (await (await app.CreateGroupAsync(bearer, name)).AssertOkAsync()).GetProperty("profile_objects")[0];
        return (group.GetProperty("g_id").GetGuid(), group.GetProperty("id").GetInt64());
    }

    public static Task<HttpResponseMessage> GroupsAsync(this RaytioFactory app, string? bearer) => app.GetAsync(Groups, bearer);

    public static Task<HttpResponseMessage> GroupAsync(this RaytioFactory app, string? bearer, Guid gId) => app.GetAsync($"{Groups}/{gId}", bearer);

    public static Task<HttpResponseMessage> TransferGroupAsync(this RaytioFactory app, string? bearer, Guid gId, Guid uId) =>
        app.SendJsonTextAsync(HttpMethod.Put, $"{Groups}/{gId}/owner", $"{{{User(uId)}}}", bearer);

    public static Task<HttpResponseMessage> DeleteGroupAsync(this RaytioFactory app, string? bearer, Guid gId) =>
        app.SendAsync(HttpMethod.Delete, $"{Groups}/{gId}", null, bearer);

    public static Task<HttpResponseMessage> AddMemberAsync(this RaytioFactory app, string? bearer, Guid gId, Guid uId) =>
        app.SendJsonTextAsync(HttpMethod.Post, $"{Groups}/{gId}/users", $"{{{User(uId)}}}", bearer);

    public static Task<HttpResponseMessage> RemoveMemberAsync(this RaytioFactory app, string? bearer, Guid gId, Guid uId) =>
        app.SendAsync(HttpMethod.Delete, $"{Groups}/{gId}/users/{uId}", null, bearer);

    public static Task<HttpResponseMessage> MembersAsync(this RaytioFactory app, string? bearer, Guid gId) => app.GetAsync($"{Groups}/{gId}/users", bearer);

    public static Task<HttpResponseMessage> TakeOwnershipAsync(this RaytioFactory app, string? bearer, Guid nId) =>
        app.SendAsync(HttpMethod.Post, $"{Objects}/{nId}/owner", null, bearer);

    public static Task<HttpResponseMessage> TransferOwnershipAsync(this RaytioFactory app, string? bearer, Guid nId, Guid uId) =>
        app.SendJsonTextAsync(HttpMethod.Put, $"{Objects}/{nId}/owner", $"{{{User(uId)}}}", bearer);

    public static Task<HttpResponseMessage> GiveUpOwnershipAsync(this RaytioFactory app, string? bearer, Guid nId) =>
        app.SendAsync(HttpMethod.Delete, $"{Objects}/{nId}/owner", null, bearer);

    public static Task<HttpResponseMessage> RelateAsync(this RaytioFactory app, string? bearer, Guid from, Guid to, string type) =>
        app.SendJsonTextAsync(HttpMethod.Post, "/db/v1/relationships", Relationship(from, to, type), bearer);

    public static Task<HttpResponseMessage> UnrelateAsync(this RaytioFactory app, string? bearer, Guid from, Guid to, string type) =>
        app.SendJsonTextAsync(HttpMethod.Delete, "/db/v1/relationships", Relationship(from, to, type), bearer);

    public static Task<HttpResponseMessage> AuditAsync(this RaytioFactory app, string? bearer, Guid id) => app.GetAsync($"/papertrail/v1/audit/{id}", bearer);

    /// <summary>Fails with the answer when a step a test relies on (not the one under test) did not succeed.</summary>
    public static async Task AssertSucceededAsync(this HttpResponseMessage response, string step)
    {
        if (!response.IsSuccessStatusCode)
        {
            Assert.Fail($"{step}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static string Relationship(Guid from, Guid to, string type) => $$"""{"from":"{{from}}","to":"{{to}}","type":{{Json(type)}}}""";

    private static string Json(string text) => JsonSerializer.Serialize(text);
}
