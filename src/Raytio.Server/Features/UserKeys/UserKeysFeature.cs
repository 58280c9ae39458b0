using Raytio.Server.Hosting;

namespace Raytio.Server.Features.UserKeys;

/// <summary>A person's own key pair: public JWK and wrapped private key (additions to issue 12's operations).</summary>
public sealed class UserKeysFeature : IFeatureModule
{
    public void AddServices(IServiceCollection services) => services.AddScoped<UserKeyStore>();

    public void MapEndpoints(IEndpointRouteBuilder app) => UserKeysEndpoints.Map(app);
}
