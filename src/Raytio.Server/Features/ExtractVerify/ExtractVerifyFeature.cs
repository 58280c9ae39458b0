using Raytio.Server.Hosting;

namespace Raytio.Server.Features.ExtractVerify;

/// <summary>The extract-verify-sign pipeline: extract (102), map (104), verify_sign (106), verify_field (107).</summary>
public sealed class ExtractVerifyFeature : IFeatureModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddSettings<ExtractVerifyOptions>(ExtractVerifyOptions.Section);
        services.AddScoped<DocumentSchemas>();
        services.AddScoped<CheckPayer>();
        services.AddScoped<ClarityModelCatalog>();
        services.AddSingleton<ClarityReader>();
        services.AddScoped<DocumentExtraction>();
        services.AddSingleton<DocumentMapper>();
        services.AddSingleton<DocumentSigning>();
        services.AddScoped<DocumentMapping>();
        services.AddScoped<DocumentVerification>();
        services.AddScoped<StoredVerificationCheck>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app) => ExtractVerifyEndpoints.Map(app);
}
