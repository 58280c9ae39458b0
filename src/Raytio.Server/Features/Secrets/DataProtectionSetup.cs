using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace Raytio.Server.Features.Secrets;

/// <summary>
/// ASP.NET Core Data Protection with its key ring in the database (shared by replicas), encrypted
/// with the certificate of Raytio:DataProtection when one is set. Called by the host with its
/// configuration because Data Protection takes the certificate itself at registration, not
/// through options.
/// </summary>
internal static class DataProtectionSetup
{
    /// <summary>
    /// Fixed, because Data Protection otherwise derives it from the install path, and replicas
    /// installed in different folders could not read each other's secrets.
    /// </summary>
    public const string ApplicationName = "raytio";

    public static IServiceCollection AddRaytioDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var protection = services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddOptions<KeyManagementOptions>().Configure<IServiceScopeFactory>((keys, scopes) => keys.XmlRepository = new DatabaseXmlRepository(scopes));
        // An unreadable certificate is left out here and reported by the settings check, which stops the start.
        if ((configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new KeyRingOptions()).TryLoadCertificate(out var certificate, out _)
            && certificate is not null)
        {
            protection.ProtectKeysWithCertificate(certificate);
        }
        return services;
    }
}
