using Raytio.Server.Features.Auth;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Organizations;

/// <summary>Organisations (operations 7, 8, 11, 12, 18, 26), their members, roles and invitations.</summary>
public sealed class OrganizationsFeature : IFeatureModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<OrganizationAccess>();
        services.AddScoped<OrganizationMembers>();
        services.AddScoped<OrganizationCreation>();
        services.AddScoped<OrganizationReads>();
        services.AddSettings<InviteOptions>(InviteOptions.Section);
        services.AddScoped<Invitations>();
        services.AddScoped<ISignupInvitations, SignupInvitations>();
        services.AddScoped<ICleanupTask, InviteCleanup>();
        services.AddScoped<OrganizationUpdate>();
        services.AddScoped<MemberList>();
        services.AddScoped<MemberRoles>();
        services.AddScoped<MemberRemoval>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app) => OrganizationsEndpoints.Map(app);
}
