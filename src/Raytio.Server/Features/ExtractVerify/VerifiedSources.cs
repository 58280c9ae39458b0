using Raytio.Server.Providers.DocumentRegisters;

namespace Raytio.Server.Features.ExtractVerify;

/// <summary>
/// The register that verifies documents of a schema (operation 106): system schemas of the NZ
/// passport and NZ driver licence families, whatever their numeric suffix. Other schemas have
/// none, so nobody's own schema can pose as a passport.
/// </summary>
public static class VerifiedSources
{
    public static string? Of(DocumentSchema schema) => !schema.IsSystem ? null : schema.Family switch
    {
        "NZ_Passport" => DocumentSources.NzPassport,
        "NZ_DriverLicence" => DocumentSources.NzDriverLicence,
        _ => null,
    };
}
