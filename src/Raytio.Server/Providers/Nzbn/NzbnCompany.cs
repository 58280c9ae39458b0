namespace Raytio.Server.Providers.Nzbn;

/// <summary>The company details of an entity that is a company (`company` in operation 109; `company-details` in NZBN v5).</summary>
public sealed record NzbnCompany
{
    public int? AnnualReturnFilingMonth { get; init; }
    public int? FinancialReportFilingMonth { get; init; }
    public string? NzsxCode { get; init; }
    public DateTime? AnnualReturnLastFiled { get; init; }
    public bool? HasConstitutionFiled { get; init; }
    public string? CountryOfOrigin { get; init; }
    public string? OverseasCompany { get; init; }
    public bool? ExtensiveShareholding { get; init; }
    public bool? StockExchangeListed { get; init; }
    public NzbnShareholding? Shareholding { get; init; }
    public NzbnUltimateHoldingCompany? UltimateHoldingCompany { get; init; }
    public bool? RemovalCommenced { get; init; }
    public NzbnInsolvency? InsolvencyDetails { get; init; }
    public IReadOnlyList<NzbnInsolvency> Insolvencies { get; init; } = [];
}

/// <summary>The share register: the total, the allocations (each held by one or more shareholders jointly) and past shareholders.</summary>
public sealed record NzbnShareholding
{
    public long NumberOfShares { get; init; }
    public IReadOnlyList<NzbnShareAllocation> ShareAllocation { get; init; } = [];
    public IReadOnlyList<NzbnHistoricShareholder> HistoricShareholder { get; init; } = [];

    /// <summary>The register's total; when it gives none, the sum of the allocations.</summary>
    public long TotalShares() => NumberOfShares > 0 ? NumberOfShares : ShareAllocation.Sum(a => a.Allocation);
}

public sealed record NzbnShareAllocation(long Allocation, IReadOnlyList<NzbnShareholder> Shareholder);

/// <summary>A holder of an allocation: a person (`individualShareholder`) or an entity (`otherShareholder`), per <see cref="Type"/>.</summary>
public sealed record NzbnShareholder
{
    public required string Type { get; init; }
    public DateTime? AppointmentDate { get; init; }
    public DateTime? VacationDate { get; init; }
    public NzbnPersonName? IndividualShareholder { get; init; }
    public NzbnOtherShareholder? OtherShareholder { get; init; }
    public NzbnAddress? ShareholderAddress { get; init; }
}

public sealed record NzbnHistoricShareholder
{
    public required string Type { get; init; }
    public DateTime? AppointmentDate { get; init; }
    public DateTime? VacationDate { get; init; }
    public NzbnAddress? HistoricShareholderAddress { get; init; }
    public NzbnPersonName? HistoricIndividualShareholder { get; init; }
    public NzbnOtherShareholder? HistoricOtherShareholder { get; init; }
}

public sealed record NzbnPersonName(string? FirstName, string? MiddleNames, string? LastName, string? FullName);

public sealed record NzbnOtherShareholder(string? CurrentEntityName, string? Nzbn, string? CompanyNumber, string? EntityType);

public sealed record NzbnUltimateHoldingCompany
{
    public bool Yn { get; init; }
    public string? Name { get; init; }
    public string? Type { get; init; }
    public long? Number { get; init; }
    public string? Nzbn { get; init; }
    public string? Country { get; init; }
    public DateTime? EffectiveDate { get; init; }
    public IReadOnlyList<NzbnAddress> UltimateHoldingCompanyAddress { get; init; } = [];
}

public sealed record NzbnInsolvency
{
    public DateTime? Commenced { get; init; }
    public string? InsolvencyType { get; init; }
    public IReadOnlyList<NzbnInsolvencyReport> InsolvencyReport { get; init; } = [];
    public IReadOnlyList<NzbnInsolvencyAppointee> InsolvencyAppointee { get; init; } = [];
}

public sealed record NzbnInsolvencyReport(string? Name, bool? Filed, DateTime? Date);

public sealed record NzbnInsolvencyAppointee
{
    public string? FirstName { get; init; }
    public string? MiddleNames { get; init; }
    public string? LastName { get; init; }
    public string? FullName { get; init; }
    public string? OrganisationName { get; init; }
    public DateTime? AppointmentDate { get; init; }
    public DateTime? VacationDate { get; init; }
    public string? Email { get; init; }
    public IReadOnlyList<NzbnPhone> InsolvencyAppointeePhoneNumber { get; init; } = [];
    public NzbnAddress? InsolvencyAppointeeAddress { get; init; }
}
