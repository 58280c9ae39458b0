using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Raytio.Server.Data;
using Raytio.Server.Features.Organizations;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Organizations;

/// <summary>An organisation as the tests use it: its org_id and its first administrator.</summary>
public sealed record Org(Guid Id, GraphUser Admin)
{
    public string Path => $"/org/v1/organizations/{Id}";
}

/// <summary>Organisations made through operation 8, and members put straight into them.</summary>
public static class OrgSeed
{
    public static object Body(string name = "Test Organization 5", string email = "hello@rayt.io") => new
    {
        name,
        email,
        address = new[] { new { location_type = "physical", street1 = "123 drake st", street2 = "narrow neck", city = "auckland", region = "auckland", country = "new zealand" } },
        customer = new { invoice_settings = new { default_payment_method = (string?)null } },
    };

    /// <summary>A new user who creates an organisation through operation 8 and so is its administrator.</summary>
    public static async Task<Org> CreateOrgAsync(this RaytioFactory app, string name = "Test Organization 5")
    {
        var admin = await GraphUser.CreateAsync(app);
        return await app.CreateOrgAsync(admin, name);
    }

    public static async Task<Org> CreateOrgAsync(this RaytioFactory app, GraphUser admin, string name = "Test Organization 5")
    {
        var answer = await (await app.PostJsonAsync("/org/v1/organizations", Body(name), admin.Bearer)).AssertOkAsync();
        return new Org(answer.GetProperty("org_id").GetGuid(), admin);
    }

    /// <summary>A new signed-in user made a member (or administrator) of the organisation without the invitation flow.</summary>
    public static async Task<GraphUser> NewMemberAsync(this RaytioFactory app, Org org, OrganizationRole role = OrganizationRole.Member)
    {
        var user = await GraphUser.CreateAsync(app);
        await app.AddMemberAsync(org, user.Id, role);
        return user;
    }

    public static async Task AddMemberAsync(this RaytioFactory app, Org org, Guid userId, OrganizationRole role = OrganizationRole.Member)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RaytioDbContext>();
        var organization = await db.Organizations.FindAsync(org.Id) ?? throw new InvalidOperationException($"no organisation {org.Id}");
        await using var transaction = await db.Database.BeginTransactionAsync();
        await scope.ServiceProvider.GetRequiredService<OrganizationMembers>().AddAsync(organization, userId, role, CancellationToken.None);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    public static string Json(object body) => JsonSerializer.Serialize(body);
}
