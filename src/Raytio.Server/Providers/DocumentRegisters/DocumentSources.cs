namespace Raytio.Server.Providers.DocumentRegisters;

/// <summary>The registers a document is checked against: the `source` of a verification.</summary>
public static class DocumentSources
{
    /// <summary>The New Zealand passport register (DIA).</summary>
    public const string NzPassport = "NZ_PASSPORT";

    /// <summary>The New Zealand Driver Licence Register (NZTA).</summary>
    public const string NzDriverLicence = "NZ_DRIVER_LICENCE";
}
