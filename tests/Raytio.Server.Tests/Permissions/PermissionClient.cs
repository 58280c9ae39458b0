using System.Text.Json;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Permissions;

/// <summary>Operations 48-50 and 62-63 as the tests call them.</summary>
internal static class PermissionClient
{
    public static Task<HttpResponseMessage> GrantAsync(this RaytioFactory app, string? bearer, Guid nId, object body) =>
        app.SendJsonTextAsync(HttpMethod.Post, $"/db/v1/profile_objects/{nId}/permissions", JsonSerializer.Serialize(body), bearer);

    /// <summary>A successful grant of <paramref name="permission"/> to a user (or, with <paramref name="toGroup"/>, a group).</summary>
    public static async Task<JsonElement> GrantedAsync(this RaytioFactory app, string bearer, Guid nId, Guid grantee, string permission, bool cascade = true, bool toGroup = false) =>
        await (await app.GrantAsync(bearer, nId, toGroup
            ? new { g_id = grantee, permission, cascade }
            : new { u_id = grantee, permission, cascade })).AssertOkAsync();

    public static Task<HttpResponseMessage> ListPermissionsAsync(this RaytioFactory app, string? bearer, Guid nId) =>
        app.GetAsync($"/db/v1/profile_objects/{nId}/permissions", bearer);

    public static Task<HttpResponseMessage> RevokeAsync(this RaytioFactory app, string? bearer, string pId) =>
        app.SendAsync(HttpMethod.Delete, $"/db/v1/permissions/{pId}", null, bearer);

    public static Task<HttpResponseMessage> RelateAsync(this RaytioFactory app, string? bearer, object body) =>
        app.SendJsonTextAsync(HttpMethod.Post, "/db/v1/relationships", JsonSerializer.Serialize(body), bearer);

    public static Task<HttpResponseMessage> UnrelateAsync(this RaytioFactory app, string? bearer, object body) =>
        app.SendJsonTextAsync(HttpMethod.Delete, "/db/v1/relationships", JsonSerializer.Serialize(body), bearer);

    /// <summary>The p_id of the grant itself: the first relationship of a grant answer.</summary>
    public static string GrantId(this JsonElement answer) => answer.GetProperty("relationships")[0].GetProperty("p_id").GetString()!;

    /// <summary>The n_ids a grant answer's relationships end on, in order.</summary>
    public static List<Guid> Ends(this JsonElement answer) =>
        [.. answer.GetProperty("relationships").EnumerateArray().Select(r => Guid.Parse(r.GetProperty("end").GetString()!.Split(':')[^1]))];

    public static List<Guid> Skipped(this JsonElement answer) =>
        [.. answer.GetProperty("skipped").EnumerateArray().Select(s => Guid.Parse(s.GetString()!))];
}
