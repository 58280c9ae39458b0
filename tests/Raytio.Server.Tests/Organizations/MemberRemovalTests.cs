using System.Net;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Graph;
using Raytio.Server.Features.Organizations;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Permissions;
using Raytio.Server.Tests.ProfileObjects;

namespace Raytio.Server.Tests.Organizations;

/// <summary>`DELETE .../users/{u_id}`: administrators remove members, members leave, the last administrator stays.</summary>
public sealed class MemberRemovalTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task A_removed_member_loses_what_was_granted_to_the_organisation()
    {
        var org = await app.CreateOrgAsync();
        var member = await app.NewMemberAsync(org);
        var person = await GraphUser.CreateAsync(app);
        var nId = (await app.CreatedObjectAsync(person, "Email", """{"email":"shared@example.com"}""")).NId();
        await app.GrantedAsync(person.Bearer, Guid.Parse(nId), org.Id, "VIEWS", toGroup: true);
        await (await app.GetAsync($"/db/v1/profile_objects/{nId}", member.Bearer)).AssertOkAsync();

        var answer = await (await app.RemoveOrgMemberAsync(org, org.Admin.Bearer, member.Id)).AssertOkAsync();

        Assert.Equal($"The user {member.Id} has been removed from the organization Test Organization 5.", answer.GetProperty("message").GetString());
        await (await app.GetAsync($"/db/v1/profile_objects/{nId}", member.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "profile_object_not_found");
        await (await app.GetAsync($"/db/v1/profile_objects/{nId}", org.Admin.Bearer)).AssertOkAsync();
        Assert.Null(await app.RoleOfAsync(org, member.Id));
        Assert.False(await BelongsAsync(org, member.Id));
        await (await app.GetAsync(org.Path, member.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found");

        var audit = Assert.Single(await app.OrgEventsAsync(org, AuditEventTypes.OrganizationMemberRemove));
        Assert.Equal(org.Admin.Id, audit.UserId);
        Assert.Equal((member.Id.ToString(), "False"), (audit.Detail("u_id"), audit.Detail("left")));
    }

    [Fact]
    public async Task A_member_leaves_with_their_own_u_id_but_cannot_remove_another()
    {
        var org = await app.CreateOrgAsync();
        var member = await app.NewMemberAsync(org);
        var other = await app.NewMemberAsync(org);

        await (await app.RemoveOrgMemberAsync(org, member.Bearer, other.Id)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await app.RemoveOrgMemberAsync(org, member.Bearer, org.Admin.Id)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        var left = await (await app.RemoveOrgMemberAsync(org, member.Bearer, member.Id)).AssertOkAsync();

        Assert.Equal("You have left the organization Test Organization 5.", left.GetProperty("message").GetString());
        Assert.Null(await app.RoleOfAsync(org, member.Id));
        Assert.False(await BelongsAsync(org, member.Id));
        Assert.Equal(OrganizationRole.Member, await app.RoleOfAsync(org, other.Id));
        // Gone: a second leave is the 404 of an organisation they do not belong to.
        await (await app.RemoveOrgMemberAsync(org, member.Bearer, member.Id)).AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found");
    }

    [Fact]
    public async Task The_last_administrator_can_neither_leave_nor_be_removed_until_another_exists()
    {
        var org = await app.CreateOrgAsync();
        await (await app.RemoveOrgMemberAsync(org, org.Admin.Bearer, org.Admin.Id)).AssertErrorAsync(HttpStatusCode.Conflict, "last_administrator");

        var second = await app.NewMemberAsync(org, OrganizationRole.Admin);
        await (await app.RemoveOrgMemberAsync(org, second.Bearer, org.Admin.Id)).AssertOkAsync();
        await (await app.RemoveOrgMemberAsync(org, second.Bearer, second.Id)).AssertErrorAsync(HttpStatusCode.Conflict, "last_administrator");
        Assert.Equal(OrganizationRole.Admin, await app.RoleOfAsync(org, second.Id));
    }

    [Fact]
    public async Task Unknown_members_and_bad_ids_are_refused()
    {
        var org = await app.CreateOrgAsync();
        var outsider = await GraphUser.CreateAsync(app);

        await (await app.RemoveOrgMemberAsync(org, org.Admin.Bearer, outsider.Id)).AssertErrorAsync(HttpStatusCode.NotFound, "member_not_found");
        await (await app.RemoveOrgMemberAsync(org, org.Admin.Bearer, Guid.NewGuid())).AssertErrorAsync(HttpStatusCode.NotFound, "member_not_found");
        var badUser = await app.RemoveOrgMemberAsync(org, org.Admin.Bearer, "nope");
        Assert.Equal(HttpStatusCode.BadRequest, badUser.StatusCode);
        Assert.Contains("'u_id'", await badUser.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var badOrg = await app.SendAsync(HttpMethod.Delete, $"/org/v1/organizations/x/users/{org.Admin.Id}", null, org.Admin.Bearer);
        Assert.Equal(HttpStatusCode.BadRequest, badOrg.StatusCode);
        Assert.Contains("'orgID'", await badOrg.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outsiders_learn_nothing_and_anonymous_callers_get_401()
    {
        var org = await app.CreateOrgAsync();
        var member = await app.NewMemberAsync(org);
        var otherAdmin = (await app.CreateOrgAsync()).Admin;
        var outsider = await GraphUser.CreateAsync(app);

        var hidden = await (await app.RemoveOrgMemberAsync(org, otherAdmin.Bearer, member.Id)).AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found");
        await (await app.RemoveOrgMemberAsync(org, outsider.Bearer, outsider.Id)).AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found");
        var unknown = await (await app.RemoveOrgMemberAsync(org with { Id = Guid.NewGuid() }, otherAdmin.Bearer, member.Id)).AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found");
        Assert.Equal(unknown.GetRawText(), hidden.GetRawText());
        await (await app.RemoveOrgMemberAsync(org, null, member.Id)).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal(OrganizationRole.Member, await app.RoleOfAsync(org, member.Id));
        Assert.Empty(await app.OrgEventsAsync(org, AuditEventTypes.OrganizationMemberRemove));
    }

    [Fact]
    public async Task Two_administrators_leaving_at_once_leave_one_administrator()
    {
        for (var round = 0; round < 5; round++)
        {
            var org = await app.CreateOrgAsync();
            var second = await app.NewMemberAsync(org, OrganizationRole.Admin);

            var answers = await Task.WhenAll(
                app.RemoveOrgMemberAsync(org, org.Admin.Bearer, org.Admin.Id),
                app.RemoveOrgMemberAsync(org, second.Bearer, second.Id));

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
            Assert.Equal(1, await app.AdministratorsAsync(org));
        }
    }

    private Task<bool> BelongsAsync(Org org, Guid userId) => app.WithDbAsync(async db =>
    {
        var group = await db.Organizations.Where(o => o.Id == org.Id).Select(o => o.GroupNodeId).SingleAsync();
        var user = await db.GraphNodes.Where(n => n.Key == userId).Select(n => n.Id).SingleAsync();
        return await db.GraphRelationships.AnyAsync(r => r.StartId == user && r.EndId == group && r.Type == RelationshipTypes.BelongsTo);
    });
}
