namespace Raytio.Server.Providers.Nzbn;

/// <summary>
/// An entity of the NZ Business Number register in the shape operation 109 answers (the
/// reference's, camelCase: <see cref="NzbnJson"/>). Both providers give this shape: the Sandbox
/// stores it, the Live adapter maps NZBN v5's FullEntity to it. Register times are New Zealand
/// local times without an offset, as the register writes them.
/// </summary>
public sealed record NzbnEntity
{
    public required string EntityStatusCode { get; init; }
    public required string EntityName { get; init; }
    public required string Nzbn { get; init; }
    public required string EntityTypeCode { get; init; }
    public string? EntityTypeDescription { get; init; }
    public string? EntityStatusDescription { get; init; }
    public DateTime? RegistrationDate { get; init; }
    public DateTime? StartDate { get; init; }
    public string? SourceRegister { get; init; }
    public string? SourceRegisterUniqueIdentifier { get; init; }
    public string? GstStatus { get; init; }
    public DateTime? GstEffectiveDate { get; init; }
    public DateTime? LastUpdatedDate { get; init; }
    public string? LocationIdentifier { get; init; }
    public string? AustralianBusinessNumber { get; init; }
    public string? AustralianCompanyNumber { get; init; }
    public string? AustralianServiceAddress { get; init; }
    public IReadOnlyList<NzbnEntityName> EntityNames { get; init; } = [];
    public IReadOnlyList<NzbnEntityStatus> EntityStatus { get; init; } = [];
    public IReadOnlyList<NzbnEmail> EmailAddress { get; init; } = [];
    public IReadOnlyList<NzbnAddress> OtherAddress { get; init; } = [];
    public IReadOnlyList<NzbnAddress> RegisteredAddress { get; init; } = [];
    public IReadOnlyList<NzbnAddress> PostalAddress { get; init; } = [];
    public IReadOnlyList<NzbnClassification> IndustryClassification { get; init; } = [];
    public IReadOnlyList<NzbnAddress> PrincipalPlaceOfActivity { get; init; } = [];
    public IReadOnlyList<NzbnAddress> PhysicalAddress { get; init; } = [];
    public IReadOnlyList<NzbnPhone> PhoneNumber { get; init; } = [];
    public IReadOnlyList<NzbnWebsite> Website { get; init; } = [];
    public IReadOnlyList<NzbnTradingName> TradingNames { get; init; } = [];
    public NzbnPrivacySettings? PrivacySettings { get; init; }
    public NzbnCompany? Company { get; init; }
    public IReadOnlyList<NzbnRole> Roles { get; init; } = [];
    public NzbnSupportingInformation? SupportingInformation { get; init; }
}

public sealed record NzbnEntityName(string EntityName, DateTime? StartDate, DateTime? EndDate);

public sealed record NzbnEntityStatus(string EntityStatus, DateTime? StartDate, DateTime? EndDate, string? StatusReasonCode, string? Comment);

public sealed record NzbnEmail(string? UniqueIdentifier, string? EmailAddress, string? EmailPurpose, string? EmailPurposeDescription, DateTime? StartDate);

public sealed record NzbnPhone(
    string? UniqueIdentifier, string? PhonePurpose, string? PhonePurposeDescription, string? PhoneCountryCode, string? PhoneAreaCode, string? PhoneNumber, DateTime? StartDate);

public sealed record NzbnWebsite(string? UniqueIdentifier, string? Url, DateTime? StartDate);

public sealed record NzbnTradingName(string? UniqueIdentifier, string Name, DateTime? StartDate, DateTime? EndDate);

public sealed record NzbnClassification(string? UniqueIdentifier, string ClassificationCode, string? ClassificationDescription);

/// <summary>An address of any kind; <see cref="Description"/> only on other addresses, the postal flags only on postal ones.</summary>
public sealed record NzbnAddress
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
    public string? PafId { get; init; }
    public string? Description { get; init; }
    public bool? PostalIsPhysicalAddress { get; init; }
    public bool? PostalIsRegisteredAddress { get; init; }
}

public sealed record NzbnSupportingInformation(IReadOnlyList<NzbnSupportingDocument>? Documents, string? AuthorityType, string? OrganisationId);

public sealed record NzbnSupportingDocument(string? DocumentId, string? DocumentType, NzbnLink? Url, NzbnLink? Document);

public sealed record NzbnLink(string Rel, string Href);
