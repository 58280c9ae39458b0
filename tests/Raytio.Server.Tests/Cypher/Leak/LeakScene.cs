using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Features.Graph;
using Raytio.Server.Tests.CypherQueries;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Cypher.Leak;

/// <summary>
/// A small world for the hand-written leak tests. Alice owns three objects of a fresh label in a
/// chain a -LINKS-> h -LINKS-> c, with c -NEAR-> a. Bob may view a (VIEWS to him) and c (EDITS
/// to a group he is in, with Dave; VIEWS to PUBLIC), not h: h is granted to Carol and to a group
/// Carol is in, and alone holds a secret. So a and c are joined for Bob only by NEAR.
/// </summary>
public sealed record LeakScene(
    GraphUser Alice, GraphUser Bob, GraphUser Dave, string Label, GraphNode Hidden, GraphRelationship IntoHidden, string Secret)
{
    public static async Task<LeakScene> CreateAsync(RaytioFactory app)
    {
        var (alice, bob, carol, dave) = (await GraphUser.CreateAsync(app), await GraphUser.CreateAsync(app), await GraphUser.CreateAsync(app), await GraphUser.CreateAsync(app));
        var label = QueryClient.FreshLabel();
        var secret = "s3cr3t-" + Guid.NewGuid().ToString("N");
        var a = await app.OwnedObjectAsync(alice, """{"name":"a","n":1}""", label);
        var hidden = await app.OwnedObjectAsync(alice, $$"""{"name":"h","n":2,"secret":"{{secret}}"}""", label);
        var c = await app.OwnedObjectAsync(alice, """{"name":"c","n":3}""", label);
        var intoHidden = await app.RelationshipAsync(a.Id, hidden.Id, "LINKS");
        await app.RelationshipAsync(hidden.Id, c.Id, "LINKS");
        await app.RelationshipAsync(c.Id, a.Id, "NEAR");

        await app.RelationshipAsync(await app.UserNodeAsync(bob), a.Id, RelationshipTypes.Views);
        await app.RelationshipAsync((await app.GroupAsync(bob, dave)).Id, c.Id, RelationshipTypes.Edits);
        await app.RelationshipAsync(await PublicNodeAsync(app), c.Id, RelationshipTypes.Views);
        await app.RelationshipAsync(await app.UserNodeAsync(carol), hidden.Id, RelationshipTypes.Views);
        await app.RelationshipAsync((await app.GroupAsync(carol)).Id, hidden.Id, RelationshipTypes.Admins);
        return new LeakScene(alice, bob, dave, label, hidden, intoHidden, secret);
    }

    public static Task<long> PublicNodeAsync(RaytioFactory app) =>
        app.WithDbAsync(db => db.GraphNodes.Where(n => n.Key == PublicGroup.Key).Select(n => n.Id).SingleAsync());

    /// <summary>The values a query may name: `$hidden` (h's id), `$hiddenKey` (its n_id), `$rel` (a -> h's id), `$secret`.</summary>
    public object Parameters => new { hidden = Hidden.Id, hiddenKey = Hidden.Key.ToString(), rel = IntoHidden.Id, secret = Secret };

    /// <summary>A test's text with LABEL and SECRET replaced by this scene's.</summary>
    public string Fill(string text) => text.Replace("LABEL", Label, StringComparison.Ordinal).Replace("SECRET", Secret, StringComparison.Ordinal);
}

/// <summary>A server with one <see cref="LeakScene"/>, made on first use and shared by a class's tests.</summary>
public class LeakSceneFactory : RaytioFactory
{
    private readonly Lazy<Task<LeakScene>> _scene;

    public LeakSceneFactory() => _scene = new(() => LeakScene.CreateAsync(this));

    public Task<LeakScene> SceneAsync() => _scene.Value;
}
