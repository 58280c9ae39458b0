using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Graph;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Groups;

/// <summary>The group operations as the tests call them.</summary>
internal static class GroupClient
{
    /// <summary>A group made through operation 51: its g_id and node id.</summary>
    public sealed record Group(Guid GId, long NodeId)
    {
        public string Path => $"/db/v1/groups/{GId}";
    }

    public static Task<HttpResponseMessage> CreateGroupAsync(this RaytioFactory app, string? bearer, string body) =>
        app.SendJsonTextAsync(HttpMethod.Post, "/db/v1/groups", body, bearer);

    public static async Task<Group> CreatedGroupAsync(this RaytioFactory app, GraphUser owner, string name = "My group")
    {
        var answer = await (await app.CreateGroupAsync(owner.Bearer, JsonSerializer.Serialize(new { name }))).AssertOkAsync();
        var group = answer.GetProperty("profile_objects")[0];
        return new Group(Guid.Parse(group.GetProperty("g_id").GetString()!), group.GetProperty("id").GetInt64());
    }

    public static Task<HttpResponseMessage> NameUserAsync(this RaytioFactory app, HttpMethod method, string path, string? bearer, Guid user) =>
        app.SendJsonTextAsync(method, path, JsonSerializer.Serialize(new { u_id = user }), bearer);

    public static Task<HttpResponseMessage> AddMemberAsync(this RaytioFactory app, Group group, string? bearer, Guid user) =>
        app.NameUserAsync(HttpMethod.Post, $"{group.Path}/users", bearer, user);

    public static Task<HttpResponseMessage> RemoveMemberAsync(this RaytioFactory app, Group group, string? bearer, Guid user) =>
        app.SendAsync(HttpMethod.Delete, $"{group.Path}/users/{user}", null, bearer);

    public static Task<HttpResponseMessage> TransferGroupAsync(this RaytioFactory app, Group group, string? bearer, Guid user) =>
        app.NameUserAsync(HttpMethod.Put, $"{group.Path}/owner", bearer, user);

    public static Task<HttpResponseMessage> DeleteGroupAsync(this RaytioFactory app, Group group, string? bearer) =>
        app.SendAsync(HttpMethod.Delete, group.Path, null, bearer);

    /// <summary>What a cascade of <paramref name="grant"/> would have made on a sub object: the same permission, with the grant as origin.</summary>
    public static Task<GraphRelationship> CascadedAsync(this RaytioFactory app, GraphRelationship grant, long subObjectId) =>
        app.WithDbAsync(async db =>
        {
            var cascaded = new GraphRelationship
            {
                PId = Guid.NewGuid(),
                OriginId = grant.PId,
                StartId = grant.StartId,
                EndId = subObjectId,
                Type = grant.Type,
                CreatedAt = DateTime.UtcNow,
            };
            db.GraphRelationships.Add(cascaded);
            await db.SaveChangesAsync();
            return cascaded;
        });

    /// <summary>The types of the relationships from <paramref name="startId"/> to <paramref name="endId"/>, sorted.</summary>
    public static Task<List<string>> RelationshipTypesAsync(this RaytioFactory app, long startId, long endId) =>
        app.WithDbAsync(db => db.GraphRelationships.Where(r => r.StartId == startId && r.EndId == endId).Select(r => r.Type).OrderBy(t => t).ToListAsync());

    /// <summary>The audit events recorded about <paramref name="subject"/>, oldest first.</summary>
    public static Task<List<AuditEvent>> AuditOfAsync(this RaytioFactory app, Guid subject) =>
        app.WithDbAsync(db => db.AuditEvents.Where(e => e.SubjectId == subject).OrderBy(e => e.Id).ToListAsync());

    public static IEnumerable<string> Types(this JsonElement answer) =>
        answer.GetProperty("relationships").EnumerateArray().Select(r => r.GetProperty("type").GetString()!);
}
