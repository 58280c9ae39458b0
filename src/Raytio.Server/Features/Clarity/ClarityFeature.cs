using Microsoft.Extensions.Options;
using Raytio.Clarity.Extraction;
using Raytio.Clarity.Imaging;
using Raytio.Clarity.Mrz;
using Raytio.Clarity.Ocr;
using Raytio.Clarity.Training;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Clarity;

/// <summary>Clarity models: extraction (operation 101) and training (operation 103), docs/CLARITY.md.</summary>
public sealed class ClarityFeature : IFeatureModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddSettings<ClarityOptions>(ClarityOptions.Section);
        services.AddSingleton(provider => new TesseractEngine(provider.GetRequiredService<IOptions<ClarityOptions>>().Value.TesseractLibrary));
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<ClarityOptions>>().Value;
            return new ImageDecoder(ImageLimits.Default with { MaxBytes = options.MaxRequestBodyBytes, MaxPixels = options.MaxImagePixels }, new PdfRasterizer());
        });
        services.AddSingleton(provider => new ClarityExtractor(
            provider.GetRequiredService<TesseractEngine>(), new MrzReader(provider.GetRequiredService<TesseractEngine>())));
        services.AddSingleton<ClarityTrainer>();
        services.AddScoped<ClarityModelStore>();
        services.AddScoped<ClarityExtractOperation>();
        services.AddScoped<ClarityTrainOperation>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app) => ClarityEndpoints.Map(app);
}
