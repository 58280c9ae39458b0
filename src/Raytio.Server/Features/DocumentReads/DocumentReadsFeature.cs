using Raytio.Server.Hosting;

namespace Raytio.Server.Features.DocumentReads;

/// <summary>The one admission gate of every operation that reads a document image.</summary>
public sealed class DocumentReadsFeature : IFeatureModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddSettings<DocumentReadOptions>(DocumentReadOptions.Section);
        services.AddSingleton<DocumentReadGate>();
    }
}
