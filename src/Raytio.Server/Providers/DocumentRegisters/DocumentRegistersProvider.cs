using Raytio.Server.Hosting;

namespace Raytio.Server.Providers.DocumentRegisters;

/// <summary>
/// The document registers (NZ passport, NZ driver licence) that verifications are checked with.
/// Only the sandbox exists today (no vendor contract is available); a live register is another
/// <see cref="IDocumentRegister"/> per source, chosen here by settings.
/// </summary>
public sealed class DocumentRegistersProvider : IFeatureModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddSingleton<IDocumentRegister>(new SandboxDocumentRegister(DocumentSources.NzPassport));
        services.AddSingleton<IDocumentRegister>(new SandboxDocumentRegister(DocumentSources.NzDriverLicence));
        services.AddSingleton<RegisterDirectory>();
    }
}
