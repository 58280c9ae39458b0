using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Features.Auth;
using Raytio.Server.Features.Organizations;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Organizations;

/// <summary>Operation 26: the members in the reference's shape, with their role, for any member.</summary>
public sealed class MemberListTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task Members_are_listed_in_order_of_joining_in_the_reference_shape_with_their_role()
    {
        var org = await app.CreateOrgAsync();
        var member = await app.NewMemberAsync(org);
        var secondAdmin = await app.NewMemberAsync(org, OrganizationRole.Admin);

        var list = await (await app.OrgMembersAsync(org, member.Bearer)).AssertOkAsync();

        Assert.Equal([org.Admin.Id, member.Id, secondAdmin.Id], list.EnumerateArray().Select(e => Guid.Parse(e.GetProperty("Username").GetString()!)));
        Assert.Equal(["admin", "member", "admin"], list.EnumerateArray().Select(e => e.GetProperty("Role").GetString()));
        var entry = list[1];
        var user = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == member.Id));
        Assert.Equal(
            ["Username", "Attributes", "UserCreateDate", "UserLastModifiedDate", "Enabled", "UserStatus", "Role"],
            entry.EnumerateObject().Select(p => p.Name));
        Assert.Equal($$"""[{"Name":"email","Value":"{{user.Email}}"}]""", entry.GetProperty("Attributes").GetRawText());
        Assert.Equal(user.CreatedAt.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"), entry.GetProperty("UserCreateDate").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", entry.GetProperty("UserLastModifiedDate").GetString());
        Assert.True(entry.GetProperty("Enabled").GetBoolean());
        Assert.Equal("CONFIRMED", entry.GetProperty("UserStatus").GetString());
    }

    [Fact]
    public async Task Disabled_accounts_and_pending_resets_show_in_Enabled_and_UserStatus()
    {
        var org = await app.CreateOrgAsync();
        var member = await app.NewMemberAsync(org);
        await app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == member.Id);
            user.DisabledAt = DateTime.UtcNow;
            user.Status = UserStatus.ResetRequired;
            return await db.SaveChangesAsync();
        });

        var entry = (await (await app.OrgMembersAsync(org, org.Admin.Bearer)).AssertOkAsync())[1];

        Assert.False(entry.GetProperty("Enabled").GetBoolean());
        Assert.Equal("RESET_REQUIRED", entry.GetProperty("UserStatus").GetString());
    }

    [Fact]
    public async Task Outsiders_get_the_404_of_an_unknown_organisation_and_anonymous_callers_401()
    {
        var org = await app.CreateOrgAsync();
        var otherAdmin = (await app.CreateOrgAsync()).Admin;
        var outsider = await GraphUser.CreateAsync(app);

        var hidden = await (await app.OrgMembersAsync(org, otherAdmin.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found");
        await (await app.OrgMembersAsync(org, outsider.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found");
        var unknown = await (await app.OrgMembersAsync(org with { Id = Guid.NewGuid() }, outsider.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found");
        Assert.Equal(unknown.GetRawText(), hidden.GetRawText());
        await (await app.OrgMembersAsync(org, null)).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        var malformed = await app.GetAsync("/org/v1/organizations/nope/users", org.Admin.Bearer);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains(OrganizationAccess.RouteField, await malformed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Array, (await (await app.OrgMembersAsync(org, org.Admin.Bearer)).AssertOkAsync()).ValueKind);
    }
}
