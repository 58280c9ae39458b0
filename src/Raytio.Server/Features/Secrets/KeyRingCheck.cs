using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Secrets;

/// <summary>
/// Before anything is protected: every key of the ring must decrypt with the configured
/// certificate. Otherwise the start stops, instead of Data Protection quietly making a new key
/// (stored unprotected when no certificate is configured) and every stored secret failing later.
/// </summary>
internal sealed class KeyRingCheck(IKeyManager keys) : IStartupTask
{
    public Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var key in keys.GetAllKeys())
        {
            try
            {
                _ = key.Descriptor;
            }
            catch (CryptographicException unreadable)
            {
                throw new StartupException(
                    $"Data Protection key {key.KeyId} in the database cannot be decrypted. Configure the certificate that protected it: Raytio:DataProtection:CertificatePath (and CertificatePassword).",
                    unreadable);
            }
        }
        return Task.CompletedTask;
    }
}
