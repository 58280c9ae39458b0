namespace Raytio.Server.Providers.Centrix;

// Operation 100's request and answer, in the reference's shape (PascalCase).

/// <summary>`CompanyNumber` (the reference's one parameter) and, as for consumer reports, the enquiry's reason and consent.</summary>
public sealed record CommercialReportRequest(long? CompanyNumber, CreditRequestDetails? RequestDetails);

public sealed record CommercialCreditReport
{
    public required DateTimeOffset RequestDate { get; init; }
    public required bool IsSuccess { get; init; }
    public string? ServiceVersion { get; init; }
    public string? WsdlVersion { get; init; }
    public string? ServiceEnvironment { get; init; }
    public IReadOnlyList<StatusMessage> StatusMessages { get; init; } = [];
    public required Guid EnquiryToken { get; init; }
    public required string EnquiryNumber { get; init; }
    public string? ReportDisclaimer { get; init; }
    public required CommercialCreditDetails CreditDetails { get; init; }
    public required CompanyDetails CompanyDetails { get; init; }
    public IReadOnlyList<FinanceStatementSummary> FinanceStatementSummaryList { get; init; } = [];
    public IReadOnlyList<CommercialNotification> Notifications { get; init; } = [];
    public IReadOnlyList<CommercialInsolvency> Insolvencies { get; init; } = [];
    public IReadOnlyList<CommercialPreviousEnquiry> PreviousEnquiries { get; init; } = [];
    public IReadOnlyList<FinanceStatementDetails> FinanceStatementDetailsList { get; init; } = [];
    public IReadOnlyList<PublicNotice> PublicNotices { get; init; } = [];
    public IReadOnlyList<CentrixDefault> CentrixDefaults { get; init; } = [];
    public IReadOnlyList<CentrixJudgment> CentrixJudgments { get; init; } = [];
    public IReadOnlyList<RedArrearsMonth> RedArrearsMonthList { get; init; } = [];
    public ScoreCard? ScoreCard { get; init; }
    public IReadOnlyList<ExtraDataItem> ExtraDataItems { get; init; } = [];
    public string? InsolvencyTrusteeServiceAcknowledgement { get; init; }
    public string? PPPSRAcknowledgement { get; init; }
}

public sealed record CommercialCreditDetails(
    string GroupName, string? ContactName, string? Address, string? TaxNumber, bool IsCompany, long CompanyNumber, string CompanyStatusDescription,
    string? TradingNames, decimal AverageDso, int VendorCount, decimal CombinedCreditLimit, decimal AverageDsoLast, decimal AverageDsoPrior);

public sealed record CompanyDetails
{
    public required RegisteredCompany Company { get; init; }
    public required CompanyStatus CompanyStatus { get; init; }
    public IReadOnlyList<CompanyHistoricName> CompanyHistoricNames { get; init; } = [];
    public IReadOnlyList<CompanyPreviousStatus> CompanyPreviousStatuses { get; init; } = [];
    public IReadOnlyList<CompanyDirector> CompanyDirectors { get; init; } = [];
    public IReadOnlyList<CompanyShareParcel> CompanyShareParcels { get; init; } = [];
    public IReadOnlyList<CompanyDocument> CompanyDocuments { get; init; } = [];
    public IReadOnlyList<CompanyAddress> CompanyAddresses { get; init; } = [];
    public IReadOnlyList<CompanyAmendment> CompanyAmendments { get; init; } = [];
    public string? CompaniesOfficeAcknowledgement { get; init; }
    public DateTimeOffset? CompaniesOfficeSearchDate { get; init; }
}

public sealed record RegisteredCompany(
    long CompanyNumber, string CompanyName, string? DateDeletedFromRegister, int CompanyStatusCode, string CompanyStatusCodeDescription, DateTime? IncorporationDate,
    string BodyTypeDescription, bool ConstitutionFiled, bool RemovalCommenced, long TotalNumberOfShares, decimal NominalCapital, int FinanceStatementCount,
    bool ListedCompany, long NZBN);

public sealed record CompanyStatus(int StatusCode);

public sealed record CompanyHistoricName(string PreviousName, string? DateChanged);

public sealed record CompanyPreviousStatus(int PreviousStatusCode, string PreviousStatusDescription, DateTime? DateChanged);

public sealed record CompanyDirector(
    string? Surname, string? FirstNames, string? Address, DateTime? DateAppointed, DateTime? DateDeleted, IReadOnlyList<DirectorAffiliation> CompanyAffiliations,
    string? CompaniesOfficeAcknowledgement, string? CompaniesOfficeSearchDate);

public sealed record DirectorAffiliation(
    long CompanyNumber, string CompanyName, string? DateDeletedFromRegister, string CompanyStatusCode, string CompanyStatusDescription, string? IncorporationDate,
    string BodyTypeDescription, bool ConstitutionFiled, bool RemovalCommenced, long TotalNumberOfShares, decimal NominalCapital, int FinanceStatementCount,
    bool ListedCompany, decimal CreditLimit, int SupplierCount, decimal DSO, string? DirectorDateAppointed, string? DirectorDateResigned);

public sealed record CompanyShareParcel(long NumberOfShares, IReadOnlyList<CompanyShareholder> CompanyShareholders);

public sealed record CompanyShareholder(string Name, string? Address, IReadOnlyList<CompanyAffiliation> CompanyAffiliations);

public sealed record CompanyDocument(DateTimeOffset DateRegistered, string Description);

public sealed record CompanyAddress(string AddressTypeDescription, string Address, DateTime? EffectiveDate);

public sealed record CompanyAmendment(long AmendmentLogId, string? AmendmentDate, string? DateReceived, string AmendmentTypeCode);

public sealed record FinanceStatementSummary(string CollateralTypeDescription, int Count);

public sealed record CommercialNotification(
    string DateTimeStamp, string VendorName, string NotificationTypeDescription, decimal Amount, string? AdditionalComments, string DataSupplier, string DataSupplierDescription);

public sealed record CommercialInsolvency
{
    public IReadOnlyList<string> DirectorsShareholders { get; init; } = [];
    public long CompanyNumber { get; init; }
    public string? TradingName { get; init; }
    public IReadOnlyList<string> AlternateNames { get; init; } = [];
    public string? AddressAtAdjudication { get; init; }
    public required string InsolvencyStatus { get; init; }
    public string? AdjudicationDateTime { get; init; }
    public string? Court { get; init; }
    public string? DischargeDate { get; init; }
    public string? DischargeConditions { get; init; }
    public string? DischargeConditionExpiry { get; init; }
    public bool DischargeSuspended { get; init; }
    public string? Office { get; init; }
    public string? OfficePhone { get; init; }
    public string? InsolvencyOfficer { get; init; }
    public string? SuppressFromSearch { get; init; }
    public required string InsolvencyType { get; init; }
    public IReadOnlyList<InsolvencyAddress> InsolvencyAddresses { get; init; } = [];
    public string? ModifiedDate { get; init; }
}

public sealed record InsolvencyAddress(string AddressLine1, string? AddressLine2, string? Suburb, string Country, string? AdditionalComments, string CountryDescription);

public sealed record CommercialPreviousEnquiry(DateTimeOffset DateStamp, string VendorName);

public sealed record FinanceStatementDetails(
    string Number, string RegistrationDate, string Status, long CompanyNumber, int Version, string FinanceStatementType, string SecuredParty, string? PPSRAcknowledgement, string? PPSRSearchDate);

public sealed record PublicNotice(string DateCreated, string Headline, string Status, string NoticeText, string NoticeSource, string? CourtDate);

public sealed record CentrixDefault(
    string DateOfDefault, string AccountType, string AccountTypeDescription, string CreditProvider, string? CollectionIndustrySupplier, string Reference,
    decimal OriginalDefaultAmount, decimal CurrentDefaultBalance, string DefaultStatus, string DefaultStatusDescription, string StatusDate, string DataSupplier, string DataSupplierDescription);

public sealed record CentrixJudgment
{
    public required string JudgmentID { get; init; }
    public string? Proctype { get; init; }
    public int NPNo { get; init; }
    public string? NPYear { get; init; }
    public required string Court { get; init; }
    public string? NPVariant { get; init; }
    public string? CIVNo { get; init; }
    public int FolioNo { get; init; }
    public string? FolioYear { get; init; }
    public required string SealedDate { get; init; }
    public required string Type { get; init; }
    public decimal Amount { get; init; }
    public bool MultipleDefendants { get; init; }
    public IReadOnlyList<JudgmentPlaintiff> Plaintiffs { get; init; } = [];
    public string? StatusDate { get; init; }
    public required string Status { get; init; }
    public string? StatusSource { get; init; }
}

public sealed record JudgmentPlaintiff(string? CompanyName, string? TradingAs, string? FamilyName, string? FirstName, string? SecondName, string? Address, string? Suburb, string? City, string? Occupation);

public sealed record ScoreCard(int Score, string Decision, string DecisionDescription, IReadOnlyList<string> Messages, string? Disclaimer, int ScaledScore);
