using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Raytio.Server.Features.Secrets;

/// <summary>
/// Settings under Raytio:DataProtection: the certificate that encrypts the Data Protection key
/// ring in the database. Without one, the ring is stored unencrypted beside the secrets it protects.
/// </summary>
public sealed class KeyRingOptions : IValidatableObject
{
    public const string Section = "Raytio:DataProtection";

    /// <summary>A PKCS#12 (.pfx) file with an RSA certificate and its private key, kept outside the database.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>True with no certificate configured (null) or a readable one; otherwise false and why.</summary>
    public bool TryLoadCertificate(out X509Certificate2? certificate, out string? problem)
    {
        certificate = null;
        problem = null;
        if (string.IsNullOrWhiteSpace(CertificatePath))
        {
            return true;
        }
        var path = Path.GetFullPath(CertificatePath);
        if (!File.Exists(path))
        {
            problem = $"'{CertificatePath}' does not exist.";
            return false;
        }
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, CertificatePassword);
        }
        catch (CryptographicException unreadable)
        {
            problem = $"'{CertificatePath}' cannot be read as PKCS#12 with the given CertificatePassword: {unreadable.Message}";
            return false;
        }
        using var key = certificate.GetRSAPrivateKey();
        if (key is null)
        {
            certificate.Dispose();
            certificate = null;
            problem = $"'{CertificatePath}' has no RSA private key.";
            return false;
        }
        return true;
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TryLoadCertificate(out var certificate, out var problem))
        {
            yield return new ValidationResult(problem, [nameof(CertificatePath)]);
        }
        certificate?.Dispose();
    }
}
