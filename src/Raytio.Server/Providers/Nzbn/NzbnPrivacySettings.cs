namespace Raytio.Server.Providers.Nzbn;

/// <summary>Which of an entity's details its owner marked private on the register (true: withheld from the public).</summary>
public sealed record NzbnPrivacySettings
{
    public bool NzbnPrivateInformation { get; init; }
    public bool EntityTypePrivateInformation { get; init; }
    public bool StartDatePrivateInformation { get; init; }
    public bool StatusPrivateInformation { get; init; }
    public bool LocationIdPrivateInformation { get; init; }
    public bool NamePrivateInformation { get; init; }
    public bool TradingNamePrivateInformation { get; init; }
    public bool WebSitePrivateInformation { get; init; }
    public bool BusinessClassificationPrivateInformation { get; init; }
    public bool GstStatusPrivateInformation { get; init; }
    public bool PhonePrivateInformation { get; init; }
    public bool EmailPrivateInformation { get; init; }
    public bool RegisteredAddressPrivateInformation { get; init; }
    public bool PostalAddressPrivateInformation { get; init; }
    public bool PrincipalAddressPrivateInformation { get; init; }
    public bool OtherAddressPrivateInformation { get; init; }
    public bool PartnersPrivateInformation { get; init; }
    public bool TrusteesPrivateInformation { get; init; }
    public bool PublicSuggestChangesYn { get; init; }
    public bool GstEffectiveDatePrivateInformation { get; init; }
    public bool PhysicalAddressPrivateInformation { get; init; }
    public bool AustralianBusinessNumberPrivateInformation { get; init; }
    public bool AustralianCompanyNumberPrivateInformation { get; init; }
    public bool AustralianServiceAddressPrivateInformation { get; init; }
}
