using System.Text;
using Raytio.Server.Features.Graph;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Groups;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.OpenApi;

/// <summary>Drives every outcome of the group (51-58) and ownership (59-61) operations for <see cref="DeclaredStatusTests"/>.</summary>
internal static class GraphStatusDrives
{
    public static async Task DriveGroupsAndOwnershipAsync(this RaytioFactory app, string tooLarge)
    {
        var owner = await GraphUser.CreateAsync(app);
        var member = await GraphUser.CreateAsync(app);
        var stranger = await GraphUser.CreateAsync(app);
        var group = await app.CreatedGroupAsync(owner);
        var users = $"{group.Path}/users";
        await app.CreateGroupAsync(owner.Bearer, "{}");
        await app.CreateGroupAsync(null, "{}");
        await app.GetAsync("/db/v1/groups", owner.Bearer);
        await app.GetAsync("/db/v1/groups");

        await app.AddMemberAsync(group, owner.Bearer, member.Id);
        await app.AddMemberAsync(group, member.Bearer, stranger.Id);
        await app.AddMemberAsync(group, stranger.Bearer, stranger.Id);
        await app.SendJsonTextAsync(HttpMethod.Post, users, "{}", owner.Bearer);
        foreach (var path in new[] { group.Path, users })
        {
            await app.GetAsync(path, member.Bearer);
            await app.GetAsync(path, stranger.Bearer);
            await app.GetAsync(path.Replace(group.GId.ToString(), "x"), member.Bearer);
        }

        await app.RemoveMemberAsync(group, member.Bearer, owner.Id);
        await app.RemoveMemberAsync(group, stranger.Bearer, owner.Id);
        await app.SendAsync(HttpMethod.Delete, $"{users}/x", null, owner.Bearer);
        await app.RemoveMemberAsync(group, owner.Bearer, member.Id);
        await app.NameUserAsync(HttpMethod.Delete, users, stranger.Bearer, owner.Id);
        await app.NameUserAsync(HttpMethod.Delete, users, owner.Bearer, stranger.Id);
        await app.SendJsonTextAsync(HttpMethod.Delete, users, "{}", owner.Bearer);
        await app.AddMemberAsync(group, owner.Bearer, member.Id);
        await app.NameUserAsync(HttpMethod.Delete, users, member.Bearer, owner.Id);
        await app.NameUserAsync(HttpMethod.Delete, users, member.Bearer, member.Id);

        await app.AddMemberAsync(group, owner.Bearer, member.Id);
        await app.TransferGroupAsync(group, member.Bearer, member.Id);
        await app.TransferGroupAsync(group, stranger.Bearer, member.Id);
        await app.SendJsonTextAsync(HttpMethod.Put, $"{group.Path}/owner", "{}", owner.Bearer);
        await app.SendAsync(HttpMethod.Delete, "/db/v1/groups/x", null, owner.Bearer);
        await app.DeleteGroupAsync(group, member.Bearer);
        await app.DeleteGroupAsync(group, stranger.Bearer);
        await app.TransferGroupAsync(group, owner.Bearer, member.Id);
        await app.DeleteGroupAsync(group, member.Bearer);

        await DriveOwnershipAsync(app, owner, member, stranger);

        // Another version, a body over the limit, a wrong media type; anonymous calls.
        var node = await app.OwnedObjectAsync(owner);
        var another = await app.CreatedGroupAsync(owner);
        var bodies = new[]
        {
            (HttpMethod.Post, "/db/{0}/groups"), (HttpMethod.Put, $"/db/{{0}}/groups/{another.GId}/owner"),
            (HttpMethod.Post, $"/db/{{0}}/groups/{another.GId}/users"), (HttpMethod.Delete, $"/db/{{0}}/groups/{another.GId}/users"),
            (HttpMethod.Delete, $"/db/{{0}}/groups/{another.GId}/users/{member.Id}"), (HttpMethod.Put, $"/db/{{0}}/profile_objects/{node.Key}/owner"),
        };
        foreach (var (method, path) in bodies)
        {
            await app.SendJsonTextAsync(method, string.Format(path, "v1"), tooLarge, owner.Bearer);
            await app.SendAsync(method, string.Format(path, "v1"), new StringContent("<a/>", Encoding.UTF8, "application/xml"), owner.Bearer);
        }
        var paths = bodies.Concat(
        [
            (HttpMethod.Get, "/db/{0}/groups"), (HttpMethod.Get, $"/db/{{0}}/groups/{another.GId}"), (HttpMethod.Get, $"/db/{{0}}/groups/{another.GId}/users"),
            (HttpMethod.Delete, $"/db/{{0}}/groups/{another.GId}"), (HttpMethod.Post, $"/db/{{0}}/profile_objects/{node.Key}/owner"),
            (HttpMethod.Delete, $"/db/{{0}}/profile_objects/{node.Key}/owner"),
        ]);
        foreach (var (method, path) in paths)
        {
            await app.NameUserAsync(method, string.Format(path, "v2"), owner.Bearer, member.Id);
            await app.NameUserAsync(method, string.Format(path, "v1"), null, member.Id);
        }
    }

    private static async Task DriveOwnershipAsync(RaytioFactory app, GraphUser owner, GraphUser admin, GraphUser stranger)
    {
        var node = await app.OwnedObjectAsync(owner);
        var path = $"/db/v1/profile_objects/{node.Key}/owner";
        var adminNode = await app.UserNodeAsync(admin);
        await app.SendAsync(HttpMethod.Delete, path, null, owner.Bearer); // would orphan
        await app.RelationshipAsync(adminNode, node.Id, RelationshipTypes.Admins);
        var viewer = await GraphUser.CreateAsync(app);
        await app.RelationshipAsync(await app.UserNodeAsync(viewer), node.Id, RelationshipTypes.Views);

        await app.SendAsync(HttpMethod.Post, path, null, admin.Bearer); // already owned
        await app.SendAsync(HttpMethod.Post, path, null, viewer.Bearer);
        await app.SendAsync(HttpMethod.Post, path, null, stranger.Bearer);
        await app.SendAsync(HttpMethod.Post, "/db/v1/profile_objects/x/owner", null, owner.Bearer);

        await app.NameUserAsync(HttpMethod.Put, path, admin.Bearer, admin.Id);
        await app.NameUserAsync(HttpMethod.Put, path, stranger.Bearer, admin.Id);
        await app.SendJsonTextAsync(HttpMethod.Put, path, "{}", owner.Bearer);

        await app.SendAsync(HttpMethod.Delete, path, null, admin.Bearer);
        await app.SendAsync(HttpMethod.Delete, path, null, stranger.Bearer);
        await app.SendAsync(HttpMethod.Delete, "/db/v1/profile_objects/x/owner", null, owner.Bearer);
        await app.SendAsync(HttpMethod.Delete, path, null, owner.Bearer);
        await app.SendAsync(HttpMethod.Post, path, null, admin.Bearer);
        await app.NameUserAsync(HttpMethod.Put, path, admin.Bearer, owner.Id);
    }
}
