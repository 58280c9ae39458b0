using System.Text.Json.Serialization;

namespace Raytio.Server.Providers.Nzbn.Live;

/// <summary>
/// NZBN API v5's FullEntity as far as operation 109 uses it (shared/providers/nzbn/NOTES.md,
/// "Response shapes"): the nested shapes (addresses, roles, shareholding, contacts) have the names
/// the reference keeps, so they read straight into ours; the lists and `company-details` are named
/// differently and <see cref="NzbnV5Mapping"/> renames them.
/// </summary>
internal sealed record NzbnV5Entity
{
    public string? EntityStatusCode { get; init; }
    public string? EntityName { get; init; }
    public string? Nzbn { get; init; }
    public string? EntityTypeCode { get; init; }
    public string? EntityTypeDescription { get; init; }
    public string? EntityStatusDescription { get; init; }
    public DateTime? RegistrationDate { get; init; }
    public string? SourceRegister { get; init; }
    public string? SourceRegisterUniqueIdentifier { get; init; }
    public DateTime? LastUpdatedDate { get; init; }
    public string? AustralianBusinessNumber { get; init; }
    public List<NzbnEmail>? EmailAddresses { get; init; }
    public NzbnV5Addresses? Addresses { get; init; }
    public List<NzbnClassification>? IndustryClassifications { get; init; }
    public List<NzbnPhone>? PhoneNumbers { get; init; }
    public List<NzbnWebsite>? Websites { get; init; }
    public List<NzbnTradingName>? TradingNames { get; init; }
    public NzbnPrivacySettings? PrivacySettings { get; init; }

    [JsonPropertyName("company-details")]
    public NzbnCompany? CompanyDetails { get; init; }

    public List<NzbnRole>? Roles { get; init; }
    public List<NzbnV5GstNumber>? GstNumbers { get; init; }
    public NzbnSupportingInformation? SupportingInformation { get; init; }
}

internal sealed record NzbnV5Addresses(List<NzbnV5Address>? AddressList);

/// <summary>An address of v5's single list, its kind in <see cref="AddressType"/>.</summary>
internal sealed record NzbnV5Address
{
    public string? UniqueIdentifier { get; init; }
    public DateTime? StartDate { get; init; }
    public DateTime? EndDate { get; init; }
    public string? CareOf { get; init; }
    public string? Address1 { get; init; }
    public string? Address2 { get; init; }
    public string? Address3 { get; init; }
    public string? Address4 { get; init; }
    public string? PostCode { get; init; }
    public string? CountryCode { get; init; }
    public string? AddressType { get; init; }
    public string? PafId { get; init; }
    public string? Description { get; init; }
}

internal sealed record NzbnV5GstNumber(string? GstNumber, DateTime? StartDate, DateTime? EndDate);
