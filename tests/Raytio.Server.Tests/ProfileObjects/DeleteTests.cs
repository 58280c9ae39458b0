using System.Net;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Graph;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.ProfileObjects;

/// <summary>`DELETE /db/v1/profile_objects/{n_id}`: owner only; the node, its labels and relationships go; the audit trail keeps ids.</summary>
public sealed class DeleteTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task The_owner_deletes_an_object_with_its_labels_and_relationships_and_the_audit_keeps_ids()
    {
        var owner = await GraphUser.CreateAsync(app);
        var viewer = await GraphUser.CreateAsync(app);
        var schema = await app.NewSchemaAsync(owner);
        var doomed = await app.CreatedObjectAsync(owner, schema, """{"name":"secret name"}""", "\"Doomed\"");
        var neighbour = await app.CreatedObjectAsync(owner, schema, """{"name":"n"}""");
        await app.RelationshipAsync(neighbour.NodeId(), doomed.NodeId(), "KNOWS");
        await app.RelationshipAsync(doomed.NodeId(), neighbour.NodeId(), "REPRESENTED_BY");
        await app.GrantAsync(viewer, doomed.NodeId(), RelationshipTypes.Views);
        await app.MakePublicAsync(doomed.NodeId());

        var response = await app.DeleteObjectAsync(owner.Bearer, doomed.NId());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("null", await response.Content.ReadAsStringAsync());
        var id = doomed.NodeId();
        var (nodes, labels, relationships) = await app.WithDbAsync(async db => (
            await db.GraphNodes.CountAsync(n => n.Id == id),
            await db.GraphLabels.CountAsync(l => l.NodeId == id),
            await db.GraphRelationships.CountAsync(r => r.StartId == id || r.EndId == id)));
        Assert.Equal((0, 0, 0), (nodes, labels, relationships));
        await (await app.GetAsync($"/db/v1/profile_objects/{doomed.NId()}", owner.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "profile_object_not_found");
        await (await app.GetAsync($"/db/v1/profile_objects/{neighbour.NId()}", owner.Bearer)).AssertOkAsync();
        var events = await app.AuditEventsAsync(Guid.Parse(doomed.NId()));
        Assert.Equal([AuditEventTypes.ProfileCreate, AuditEventTypes.ProfileDelete], events.Select(e => e.EventType));
        Assert.Contains(doomed.NId(), events[1].EventJson);
        Assert.All(events, e => Assert.DoesNotContain("secret", e.EventJson));
        await (await app.DeleteObjectAsync(owner.Bearer, doomed.NId())).AssertErrorAsync(HttpStatusCode.NotFound, "profile_object_not_found");
    }

    [Fact]
    public async Task Only_the_owner_deletes()
    {
        var owner = await GraphUser.CreateAsync(app);
        var admin = await GraphUser.CreateAsync(app);
        var stranger = await GraphUser.CreateAsync(app);
        var created = await app.CreatedObjectAsync(owner, await app.NewSchemaAsync(owner), """{"name":"a"}""");
        await app.GrantAsync(admin, created.NodeId(), RelationshipTypes.Admins);

        await (await app.DeleteObjectAsync(admin.Bearer, created.NId())).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await app.DeleteObjectAsync(stranger.Bearer, created.NId())).AssertErrorAsync(HttpStatusCode.NotFound, "profile_object_not_found");
        await (await app.DeleteObjectAsync(null, created.NId())).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await app.DeleteObjectAsync(owner.Bearer, "nope")).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await app.GetAsync($"/db/v1/profile_objects/{created.NId()}", owner.Bearer)).AssertOkAsync();
    }
}
