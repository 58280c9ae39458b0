using Microsoft.Extensions.Options;
using Raytio.Server.Hosting;
using Raytio.Signing;

namespace Raytio.Server.Features.Verification;

/// <summary>Signed verifications: the verification keys, their JWK set and operation 105.</summary>
public sealed class VerificationFeature : IFeatureModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddSettings<SigningOptions>(SigningOptions.Section);
        services.AddSingleton<ISigningKeyStore>(provider => new FileSigningKeyStore(
            provider.GetRequiredService<IOptions<SigningOptions>>().Value.ResolveKeyDirectory(provider.GetRequiredService<IOptions<RaytioOptions>>().Value.DataDirectory),
            provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<Signer>();
        services.AddSingleton<SignatureVerification>();
        services.AddSingleton<IStartupTask, SigningKeyStartup>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app) => VerificationEndpoints.Map(app);

    /// <summary>The first 4096-bit key takes seconds to make: make it at start-up, not on the first request.</summary>
    private sealed class SigningKeyStartup(ISigningKeyStore keys) : IStartupTask
    {
        public Task RunAsync(CancellationToken cancellationToken) => keys.GetActiveKeyAsync(cancellationToken);
    }
}
