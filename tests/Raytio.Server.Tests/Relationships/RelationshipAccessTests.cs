using System.Net;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Features.Graph;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Permissions;

namespace Raytio.Server.Tests.Relationships;

/// <summary>Relating two objects (62-63) needs ADMINS or IS_OWNER on both; others learn nothing.</summary>
public sealed class RelationshipAccessTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task Anonymous_callers_get_401()
    {
        var alice = await GraphUser.CreateAsync(app);
        var (from, to) = (await app.OwnedObjectAsync(alice), await app.OwnedObjectAsync(alice));
        await (await app.RelateAsync(alice.Bearer, new { from = from.Key, to = to.Key, type = "KNOWS" })).AssertOkAsync();

        await (await app.RelateAsync(null, new { from = from.Key, to = to.Key, type = "LIKES" })).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await app.UnrelateAsync(null, new { from = from.Key, to = to.Key, type = "KNOWS" })).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal(["KNOWS"], await TypesAsync(from, to));
    }

    [Fact]
    public async Task Callers_who_hold_nothing_on_either_object_get_404()
    {
        var (alice, mallory) = (await GraphUser.CreateAsync(app), await GraphUser.CreateAsync(app));
        var (from, to) = (await app.OwnedObjectAsync(alice), await app.OwnedObjectAsync(alice));
        var own = await app.OwnedObjectAsync(mallory);
        await (await app.RelateAsync(alice.Bearer, new { from = from.Key, to = to.Key, type = "KNOWS" })).AssertOkAsync();

        foreach (var (start, end) in new[] { (from, to), (own, to), (from, own) })
        {
            await (await app.RelateAsync(mallory.Bearer, new { from = start.Key, to = end.Key, type = "LIKES" })).AssertErrorAsync(HttpStatusCode.NotFound, "profile_object_not_found");
            await (await app.UnrelateAsync(mallory.Bearer, new { from = start.Key, to = end.Key, type = "KNOWS" })).AssertErrorAsync(HttpStatusCode.NotFound, "profile_object_not_found");
        }
        await (await app.RelateAsync(mallory.Bearer, new { from = own.Key, to = Guid.NewGuid(), type = "LIKES" })).AssertErrorAsync(HttpStatusCode.NotFound, "profile_object_not_found");
        Assert.Equal(["KNOWS"], await TypesAsync(from, to));
    }

    [Theory]
    [InlineData("VIEWS")]
    [InlineData("EDITS")]
    public async Task Holders_of_VIEWS_or_EDITS_on_either_object_get_403(string held)
    {
        var (alice, bob) = (await GraphUser.CreateAsync(app), await GraphUser.CreateAsync(app));
        var (from, to) = (await app.OwnedObjectAsync(alice), await app.OwnedObjectAsync(alice));
        var own = await app.OwnedObjectAsync(bob);
        await app.GrantedAsync(alice.Bearer, from.Key, bob.Id, held);
        await app.GrantedAsync(alice.Bearer, to.Key, bob.Id, held);
        await (await app.RelateAsync(alice.Bearer, new { from = from.Key, to = to.Key, type = "KNOWS" })).AssertOkAsync();

        foreach (var (start, end) in new[] { (from, to), (own, to), (from, own) })
        {
            await (await app.RelateAsync(bob.Bearer, new { from = start.Key, to = end.Key, type = "LIKES" })).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
            await (await app.UnrelateAsync(bob.Bearer, new { from = start.Key, to = end.Key, type = "KNOWS" })).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        }
        Assert.Equal(["KNOWS"], await TypesAsync(from, to));
    }

    [Fact]
    public async Task ADMINS_through_a_group_on_both_objects_allows_relating_and_unrelating()
    {
        var (alice, bob) = (await GraphUser.CreateAsync(app), await GraphUser.CreateAsync(app));
        var admins = await app.GroupAsync(bob);
        var (from, to) = (await app.OwnedObjectAsync(alice), await app.OwnedObjectAsync(alice));
        await app.GrantedAsync(alice.Bearer, from.Key, admins.Key, "ADMINS", toGroup: true);
        await app.GrantedAsync(alice.Bearer, to.Key, admins.Key, "ADMINS", toGroup: true);

        await (await app.RelateAsync(bob.Bearer, new { from = from.Key, to = to.Key, type = "KNOWS" })).AssertOkAsync();
        Assert.Equal(["KNOWS"], await TypesAsync(from, to));
        await (await app.UnrelateAsync(bob.Bearer, new { from = from.Key, to = to.Key, type = "KNOWS" })).AssertOkAsync();
        Assert.Empty(await TypesAsync(from, to));
    }

    private Task<List<string>> TypesAsync(GraphNode from, GraphNode to) =>
        app.WithDbAsync(db => db.GraphRelationships.Where(r => r.StartId == from.Id && r.EndId == to.Id).Select(r => r.Type).ToListAsync());
}
