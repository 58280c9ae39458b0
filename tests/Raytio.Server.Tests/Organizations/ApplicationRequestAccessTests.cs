using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Raytio.Server.Data;
using Raytio.Server.Features.Organizations;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Organizations;

/// <summary>
/// Who may use operations 13-15: administrators and members; another organisation's
/// administrator and an unrelated user get the same 404 as for an unknown organisation;
/// anonymous callers 401.
/// </summary>
public sealed class ApplicationRequestAccessTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    public enum Operation { Create, List, Update }

    [Theory]
    [InlineData(Operation.Create)]
    [InlineData(Operation.List)]
    [InlineData(Operation.Update)]
    public async Task Administrators_and_members_may_others_get_the_unknown_organisations_404_and_anonymous_401(Operation operation)
    {
        var org = await app.CreateOrgAsync();
        var member = await app.NewMemberAsync(org);
        var otherAdmin = (await app.CreateOrgAsync()).Admin;
        var unrelated = await GraphUser.CreateAsync(app);
        var code = (await app.CreateRequestAsync(org)).ShortCode();

        await (await CallAsync(operation, org.Path, code, org.Admin.Bearer)).AssertOkAsync();
        await (await CallAsync(operation, org.Path, code, member.Bearer)).AssertOkAsync();
        await (await CallAsync(operation, org.Path, code, null)).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");

        var unknown = await CallAsync(operation, $"/org/v1/organizations/{Guid.NewGuid()}", code, otherAdmin.Bearer);
        await unknown.AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found");
        var unknownBody = await unknown.Content.ReadAsStringAsync();
        foreach (var outsider in new[] { otherAdmin, unrelated })
        {
            var denied = await CallAsync(operation, org.Path, code, outsider.Bearer);
            Assert.Equal(HttpStatusCode.NotFound, denied.StatusCode);
            Assert.Equal(unknownBody, await denied.Content.ReadAsStringAsync());
        }
        await (await CallAsync(operation, "/org/v1/organizations/not-a-guid", code, member.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task A_member_who_leaves_loses_access()
    {
        var org = await app.CreateOrgAsync();
        var member = await app.NewMemberAsync(org, OrganizationRole.Admin);
        await app.CreateRequestAsync(org, member.Bearer);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await RemoveAsync(scope.ServiceProvider, org, member.Id);
        }
        var response = await app.GetAsync(org.RequestsPath(), member.Bearer);
        await response.AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found");
    }

    private Task<HttpResponseMessage> CallAsync(Operation operation, string orgPath, string code, string? bearer) => operation switch
    {
        Operation.Create => app.PostJsonAsync($"{orgPath}/application_requests", ApplicationRequestSeed.Body(), bearer),
        Operation.List => app.GetAsync($"{orgPath}/application_requests", bearer),
        _ => app.SendJsonTextAsync(HttpMethod.Patch, $"{orgPath}/application_requests/{code}", """{"state":"sent"}""", bearer),
    };

    private static async Task RemoveAsync(IServiceProvider services, Org org, Guid userId)
    {
        var db = services.GetRequiredService<RaytioDbContext>();
        var members = services.GetRequiredService<OrganizationMembers>();
        var organization = await db.Organizations.FindAsync(org.Id) ?? throw new InvalidOperationException();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await members.RemoveAsync(organization, userId, CancellationToken.None);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }
}
