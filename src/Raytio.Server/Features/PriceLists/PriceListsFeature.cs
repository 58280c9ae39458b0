using Raytio.Server.Hosting;

namespace Raytio.Server.Features.PriceLists;

/// <summary>Price lists (operations 91-97): products, prices per list and currency, customer price lists and quotes.</summary>
public sealed class PriceListsFeature : IFeatureModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<PriceListInserts>();
        services.AddScoped<PriceListReads>();
        services.AddScoped<PriceQuotes>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app) => PriceListEndpoints.Map(app);
}
