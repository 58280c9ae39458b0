namespace Raytio.Server.Providers.Centrix;

// Operation 99's request and answer, in the reference's shape (PascalCase, as Centrix names its
// elements: CentrixJson). Dates are calendar days; amounts whole dollars as decimals.

public sealed record ConsumerReportRequest(ConsumerData? ConsumerData, IReadOnlyList<NameValuePair>? ExtraParameters, CreditRequestDetails? RequestDetails);

public sealed record ConsumerData(IReadOnlyList<ConsumerAddress>? Addresses, ConsumerPersonal? Personal);

public sealed record ConsumerAddress(string? AddressLine1, string? AddressType, string? City, string? Suburb, string? Country);

public sealed record ConsumerPersonal(DateOnly? DateOfBirth, string? FirstName, string? Gender, string? MiddleName, string? Surname, string? Email);

/// <summary>
/// The enquiry: `EnquiryReason` (a permitted purpose, <see cref="CentrixEnquiryReasons"/>) and
/// `ConsentObtained` (an addition: the subject's consent to the check, required true) are required.
/// </summary>
public sealed record CreditRequestDetails(decimal? AmountSought, string? ApplicantType, string? EnquiryReason, string? ProductType, string? SubscriberReference, bool? ConsentObtained);

public sealed record NameValuePair(string? Name, string? Value);

public sealed record ConsumerCreditReport
{
    public string? CompaniesOfficeAcknowledgement { get; init; }
    public required ConsumerDataSets DataSets { get; init; }
    public required EnteredConsumerData EnteredConsumerData { get; init; }
    public required EnteredRequestDetails EnteredRequestDetails { get; init; }
    public string? InsolvencyTrusteeServiceAcknowledgement { get; init; }
    public string? NameOnlyDataReportDisclaimer { get; init; }
    public string? ReportDisclaimer { get; init; }
    public required CreditResponseDetails ResponseDetails { get; init; }
    public IReadOnlyList<string> ServiceProducts { get; init; } = [];
    public IReadOnlyList<StatusMessage> StatusMessages { get; init; } = [];
}

public sealed record ConsumerDataSets
{
    public ApplicationDecision? ApplicationDecision { get; init; }
    public IReadOnlyList<CompanyAffiliation> CompanyAffiliations { get; init; } = [];
    public ConsumerFile? ConsumerFile { get; init; }
    public IReadOnlyList<ConsumerDefault> Defaults { get; init; } = [];
    public IReadOnlyList<ExtraDataItem> ExtraDataItems { get; init; } = [];
    public IReadOnlyList<FileNote> FileNotes { get; init; } = [];
    public IReadOnlyList<ConsumerInsolvency> Insolvencies { get; init; } = [];
    public IReadOnlyList<ConsumerJudgment> Judgments { get; init; } = [];
    public IReadOnlyList<KnownAddress> KnownAddresses { get; init; } = [];
    public IReadOnlyList<KnownName> KnownNames { get; init; } = [];
    public PaymentHistory PaymentHistory { get; init; } = new([]);
    public IReadOnlyList<PreviousEnquiry> PreviousEnquiries { get; init; } = [];
    public PropertyOwnership PropertyOwnership { get; init; } = new([]);
    public IReadOnlyList<RedArrearsMonth> RedArrearsMonthList { get; init; } = [];
    public IReadOnlyList<SummaryItem> SummaryItems { get; init; } = [];
}

public sealed record ApplicationDecision(string Decision, IReadOnlyList<DecisionReason> DecisionReasons, int RulesModificationNumber, string RulesOwner, int RulesVersionNumber);

public sealed record DecisionReason(int Priority, string Reason);

public sealed record CompanyAffiliation(
    string AffiliationType, string CompanyName, string CompanyNumber, string CompanyStatus, string CompanyStatusDescription,
    DateOnly? DateAppointed, DateOnly? DateLastUpdated, DateOnly? DateResigned, DateOnly? LastDocumentDate);

public sealed record ConsumerFile(DateOnly AgeOfFile, string FileNumber, ConsumerPersonal Personal);

public sealed record ConsumerDefault(
    string AccountType, string AccountTypeDescription, string? CollectionIndustrySupplier, string CreditProvider, decimal CurrentDefaultBalance,
    DateOnly DateOfDefault, string DefaultStatus, string DefaultStatusDescription, decimal OriginalDefaultAmount, string Reference, DateOnly StatusDate);

public sealed record ExtraDataItem(string ExtraItemType, IReadOnlyList<NameValuePair> NameValuePairs);

public sealed record FileNote(
    decimal? DataReferencedAmount, DateOnly? DataReferencedCreatedDate, string? DataReferencedText, string? DataReferencedType, string? DataReferencedTypeDescription,
    string FileNoteNarrative, DateOnly NoteCreatedDate, string NoteTypeCode, string NoteTypeDescription);

public sealed record ConsumerInsolvency(DateOnly AdjudicationDate, DateOnly? DischargeDate, int InsolvencyNumber, string InsolvencyStatus, string InsolvencyType, DateTimeOffset ModifiedDate);

public sealed record ConsumerJudgment(
    decimal Amount, DateOnly DateOfJudgement, string JudgementNumber, string JudgementType, string MultipleDefendants, IReadOnlyList<Plaintiff> Plaintiffs, string Status, DateOnly StatusDate);

public sealed record Plaintiff(string Name);

public sealed record KnownAddress(
    DateOnly AddressDate, string AddressLine1, string? AddressLine2, string City, string Country, string? DeliveryPointID, bool LastKnown, string Postcode, string Suburb);

public sealed record KnownName(DateOnly? DateOfBirth, string FirstName, string? MiddleName, string Surname);

public sealed record PaymentHistory(IReadOnlyList<PaymentProfileMonth> PaymentProfile);

public sealed record PaymentProfileMonth(int Month, string MonthDescription, string PaymentStatus, string PaymentStatusDescription, int Year);

public sealed record PreviousEnquiry(
    decimal AmountSought, string ApplicantType, string ApplicantTypeDescription, DateOnly DateOfAccess, string EnquirerName, string EnquiryReason,
    string EnquiryReasonDescription, string EnquiryReference, string JointApplication, string ProductType, string ProductTypeDescription);

public sealed record PropertyOwnership(IReadOnlyList<CxProperty> CxProperties);

public sealed record CxProperty(string CertificateOfTitle, CxPropertyDetails CxPropertyDetails, DateOnly IssueDate, string QPID);

public sealed record CxPropertyDetails(string PhysicalAddress, string Suburb, string TerritorialAuthority);

public sealed record RedArrearsMonth(bool Active, int Month, string MonthName, IReadOnlyList<RedArrears> RedArrearsList, int Year);

public sealed record RedArrears(string SupplierCode, string SupplierName, decimal BalanceOverdue30Days, decimal BalanceOverdue60Days, decimal BalanceOverdue90Days, decimal BalanceOverdue120Days);

public sealed record SummaryItem(IReadOnlyList<NameValuePair> NameValuePairs, string SummaryItemType);

public sealed record EnteredConsumerData(IReadOnlyList<ConsumerAddress> Addresses, EnteredPassport? Passport, ConsumerPersonal? Personal, IReadOnlyList<EnteredTelephone> Telephones);

public sealed record EnteredPassport(DateOnly? Expiry, string? MRZ1, string? MRZ2, string? PassportNumber);

public sealed record EnteredTelephone(string TelephoneNumber);

public sealed record EnteredRequestDetails(
    decimal? AmountSought, string? ApplicantType, string? ApplicantTypeDescription, string EnquiryReason, string EnquiryReasonDescription, string? SubscriberReference);

public sealed record CreditResponseDetails(string EnquiryNumber, DateTimeOffset EnquiryTimestamp, bool IsSuccess);

/// <summary>MessageType: Information, Warning or Error.</summary>
public sealed record StatusMessage(string MessageCode, string MessageText, string MessageType, string? SupportData);
