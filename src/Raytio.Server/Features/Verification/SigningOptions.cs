namespace Raytio.Server.Features.Verification;

/// <summary>Settings under Raytio:Signing: where the verification signing keys live.</summary>
public sealed class SigningOptions
{
    public const string Section = "Raytio:Signing";

    /// <summary>
    /// Folder of the RSA-PSS keys that sign verifications (default: signing-keys in the data
    /// folder). Replicas must point at one shared folder so they sign and verify alike.
    /// </summary>
    public string? KeyDirectory { get; set; }

    public string ResolveKeyDirectory(string dataDirectory) =>
        string.IsNullOrWhiteSpace(KeyDirectory) ? Path.Combine(dataDirectory, "signing-keys") : Path.GetFullPath(KeyDirectory);
}
