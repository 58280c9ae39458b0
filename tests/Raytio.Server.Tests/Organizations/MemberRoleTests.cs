using System.Net;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Organizations;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Organizations;

/// <summary>`PUT .../users/{u_id}/role`: administrators change roles; an organisation always keeps an administrator.</summary>
public sealed class MemberRoleTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task Promotion_and_demotion_answer_the_member_entry_and_are_audited()
    {
        var org = await app.CreateOrgAsync();
        var member = await app.NewMemberAsync(org);

        var promoted = await (await app.ChangeOrgRoleAsync(org, org.Admin.Bearer, member.Id, "admin")).AssertOkAsync();
        Assert.Equal(member.Id.ToString(), promoted.GetProperty("Username").GetString());
        Assert.Equal("admin", promoted.GetProperty("Role").GetString());
        Assert.Equal("CONFIRMED", promoted.GetProperty("UserStatus").GetString());
        Assert.Equal(OrganizationRole.Admin, await app.RoleOfAsync(org, member.Id));

        // The new administrator may now demote the founder, and the founder may no longer change roles.
        var demoted = await (await app.ChangeOrgRoleAsync(org, member.Bearer, org.Admin.Id, "member")).AssertOkAsync();
        Assert.Equal("member", demoted.GetProperty("Role").GetString());
        await (await app.ChangeOrgRoleAsync(org, org.Admin.Bearer, member.Id, "member")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");

        var events = await app.OrgEventsAsync(org, AuditEventTypes.OrganizationRoleChange);
        Assert.Equal(2, events.Count);
        Assert.Equal(org.Admin.Id, events[0].UserId);
        Assert.Equal((member.Id.ToString(), "admin"), (events[0].Detail("u_id"), events[0].Detail("role")));
        Assert.Equal((org.Admin.Id.ToString(), "member"), (events[1].Detail("u_id"), events[1].Detail("role")));
    }

    [Fact]
    public async Task Setting_the_role_a_member_already_has_changes_nothing()
    {
        var org = await app.CreateOrgAsync();
        var member = await app.NewMemberAsync(org);

        var same = await (await app.ChangeOrgRoleAsync(org, org.Admin.Bearer, member.Id, "member")).AssertOkAsync();
        var self = await (await app.ChangeOrgRoleAsync(org, org.Admin.Bearer, org.Admin.Id, "admin")).AssertOkAsync();

        Assert.Equal("member", same.GetProperty("Role").GetString());
        Assert.Equal("admin", self.GetProperty("Role").GetString());
        Assert.Empty(await app.OrgEventsAsync(org, AuditEventTypes.OrganizationRoleChange));
    }

    [Fact]
    public async Task The_last_administrator_cannot_be_demoted_but_one_of_two_can()
    {
        var org = await app.CreateOrgAsync();
        await (await app.ChangeOrgRoleAsync(org, org.Admin.Bearer, org.Admin.Id, "member")).AssertErrorAsync(HttpStatusCode.Conflict, "last_administrator");
        Assert.Equal(OrganizationRole.Admin, await app.RoleOfAsync(org, org.Admin.Id));

        await app.NewMemberAsync(org, OrganizationRole.Admin);
        await (await app.ChangeOrgRoleAsync(org, org.Admin.Bearer, org.Admin.Id, "member")).AssertOkAsync();
        Assert.Equal(1, await app.AdministratorsAsync(org));
    }

    [Fact]
    public async Task Unknown_members_bad_ids_and_bad_roles_are_refused()
    {
        var org = await app.CreateOrgAsync();
        var outsider = await GraphUser.CreateAsync(app);

        await (await app.ChangeOrgRoleAsync(org, org.Admin.Bearer, outsider.Id, "admin")).AssertErrorAsync(HttpStatusCode.NotFound, "member_not_found");
        await (await app.ChangeOrgRoleAsync(org, org.Admin.Bearer, Guid.NewGuid(), "admin")).AssertErrorAsync(HttpStatusCode.NotFound, "member_not_found");
        await AssertNamesAsync(await app.ChangeOrgRoleAsync(org, org.Admin.Bearer, "nope", "admin"), "u_id");
        await AssertNamesAsync(await app.ChangeOrgRoleAsync(org, org.Admin.Bearer, org.Admin.Id, "owner"), "role");
        await AssertNamesAsync(await app.SendJsonTextAsync(HttpMethod.Put, $"{org.Path}/users/{org.Admin.Id}/role", "{}", org.Admin.Bearer), "role");
        await AssertNamesAsync(await app.SendJsonTextAsync(HttpMethod.Put, $"/org/v1/organizations/x/users/{org.Admin.Id}/role", """{"role":"admin"}""", org.Admin.Bearer), "orgID");
        Assert.Null(await app.RoleOfAsync(org, outsider.Id));
    }

    [Fact]
    public async Task Only_administrators_change_roles_and_others_learn_nothing()
    {
        var org = await app.CreateOrgAsync();
        var member = await app.NewMemberAsync(org);
        var otherAdmin = (await app.CreateOrgAsync()).Admin;
        var outsider = await GraphUser.CreateAsync(app);

        await (await app.ChangeOrgRoleAsync(org, member.Bearer, member.Id, "admin")).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        var hidden = await (await app.ChangeOrgRoleAsync(org, otherAdmin.Bearer, member.Id, "admin")).AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found");
        await (await app.ChangeOrgRoleAsync(org, outsider.Bearer, member.Id, "admin")).AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found");
        var unknown = await (await app.ChangeOrgRoleAsync(org with { Id = Guid.NewGuid() }, outsider.Bearer, member.Id, "admin")).AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found");
        Assert.Equal(unknown.GetRawText(), hidden.GetRawText());
        await (await app.ChangeOrgRoleAsync(org, null, member.Id, "admin")).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal(OrganizationRole.Member, await app.RoleOfAsync(org, member.Id));
    }

    [Fact]
    public async Task Two_administrators_demoting_each_other_at_once_leave_one_administrator()
    {
        for (var round = 0; round < 5; round++)
        {
            var org = await app.CreateOrgAsync();
            var second = await app.NewMemberAsync(org, OrganizationRole.Admin);

            var answers = await Task.WhenAll(
                app.ChangeOrgRoleAsync(org, org.Admin.Bearer, second.Id, "member"),
                app.ChangeOrgRoleAsync(org, second.Bearer, org.Admin.Id, "member"));

            // The loser is no longer an administrator when its turn comes.
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Forbidden], answers.Select(a => a.StatusCode).Order());
            Assert.Equal(1, await app.AdministratorsAsync(org));
        }
    }

    [Fact]
    public async Task Two_administrators_stepping_down_at_once_leave_one_administrator()
    {
        for (var round = 0; round < 5; round++)
        {
            var org = await app.CreateOrgAsync();
            var second = await app.NewMemberAsync(org, OrganizationRole.Admin);

            var answers = await Task.WhenAll(
                app.ChangeOrgRoleAsync(org, org.Admin.Bearer, org.Admin.Id, "member"),
                app.ChangeOrgRoleAsync(org, second.Bearer, second.Id, "member"));

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
            Assert.Equal(1, await app.AdministratorsAsync(org));
        }
    }

    private static async Task AssertNamesAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"'{field}'", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
