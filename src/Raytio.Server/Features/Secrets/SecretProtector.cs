using System.Collections.Concurrent;
using Microsoft.AspNetCore.DataProtection;

namespace Raytio.Server.Features.Secrets;

/// <summary>
/// Encrypts the secrets the server stores (token signing keys, server secrets; later provider
/// credentials and OAuth tokens) with ASP.NET Core Data Protection, whose key ring is in the
/// database and optionally encrypted with a certificate. The purpose names what the secret is
/// for: a value protected for one purpose does not unprotect for another.
/// </summary>
public sealed class SecretProtector(IDataProtectionProvider provider)
{
    private const string RootPurpose = "Raytio.Secrets";

    private readonly ConcurrentDictionary<string, IDataProtector> _protectors = new(StringComparer.Ordinal);

    public string Protect(string purpose, string secret) => For(purpose).Protect(secret);

    /// <summary>Throws <see cref="System.Security.Cryptography.CryptographicException"/> when the value was not protected for this purpose with this key ring.</summary>
    public string Unprotect(string purpose, string protectedSecret) => For(purpose).Unprotect(protectedSecret);

    private IDataProtector For(string purpose) => _protectors.GetOrAdd(purpose, name => provider.CreateProtector(RootPurpose, name));
}
