using System.Globalization;
using Raytio.Server.Providers.Nzbn;
using Raytio.Server.Providers.Nzbn.Sandbox;

namespace Raytio.Server.Providers.Centrix.Sandbox;

/// <summary>
/// A commercial report of a Sandbox company: its register details (name, status history,
/// directors, share parcels, addresses) are the NZBN Sandbox's own; the credit data sets follow
/// the company: a company in liquidation or receivership has its insolvency, public notice,
/// defaults, judgment, collection notification and arrears; any other has them by chance, drawn
/// from a generator seeded with its company number (so a company's report never changes).
/// TUI TEST VENTURES (9100004) shows every adverse data set; KOWHAI TEST HOLDINGS (9100001) none.
/// </summary>
public static class CommercialSandboxReports
{
    public static CommercialCreditReport Of(NzbnEntity company, DateTimeOffset now, string enquiryNumber)
    {
        var number = long.Parse(company.SourceRegisterUniqueIdentifier!, CultureInfo.InvariantCulture);
        var random = new SeededRandom((ulong)number);
        var troubled = company.EntityStatusCode is "60" or "61" or "70";
        var clean = company.Nzbn == NzbnSandboxGenerator.NzbnOf(1);
        var defaulted = !clean && (troubled || random.Chance(0.15));
        var judged = !clean && (troubled || random.Chance(0.08));
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var shares = company.Company?.Shareholding;
        var score = clean ? 870 : troubled ? 95 : defaulted || judged ? 380 : 600 + random.Next(0, 300);
        return new CommercialCreditReport
        {
            RequestDate = now,
            IsSuccess = true,
            ServiceEnvironment = "Sandbox",
            EnquiryToken = new Guid(random.Next(1, int.MaxValue), (short)1, (short)1, [0, 0, 0, 0, 0, 0, 0, 1]),
            EnquiryNumber = enquiryNumber,
            ReportDisclaimer = CentrixSandboxBureau.Disclaimer,
            CreditDetails = new(company.EntityName, null, Address(company.RegisteredAddress.LastOrDefault()), null, true, number, company.EntityStatusDescription ?? company.EntityStatusCode,
                string.Join(", ", company.TradingNames.Where(t => t.EndDate is null).Select(t => t.Name)), 30 + random.Next(0, 40), random.Next(1, 25),
                random.Next(1, 200) * 1_000m, 30 + random.Next(0, 40), 30 + random.Next(0, 40)),
            CompanyDetails = Details(company, number, now),
            Insolvencies = troubled ? [Insolvency(company, number)] : [],
            PublicNotices = troubled
                ? [new(Day(company.EntityStatus.LastOrDefault()?.StartDate) ?? Text(today), $"{company.EntityName}: {company.EntityStatusDescription}", "Published",
                    $"Notice of the appointment of a liquidator or receiver of {company.EntityName}.", "NZ Gazette", null)]
                : [],
            CentrixDefaults = defaulted
                ? [new(Text(today.AddMonths(-7)), "TRD", "Trade credit", "TOTARA SUPPLIES LIMITED", "KIWI COLLECTIONS LIMITED", $"TS-{number}", 2_480m, 2_480m, "O",
                    "Outstanding - referred to a debt collector", Text(today.AddMonths(-7)), "CX", "Centrix")]
                : [],
            CentrixJudgments = judged
                ? [new CentrixJudgment { JudgmentID = $"J{number}", Court = "Auckland District Court", SealedDate = Text(today.AddMonths(-5)), Type = "Civil judgment",
                    Amount = 12_900m, Status = "Unsatisfied", Plaintiffs = [new("HARBOUR VIEW FINANCE LIMITED", null, null, null, null, null, null, "Auckland", null)] }]
                : [],
            Notifications = defaulted
                ? [new(Text(today.AddMonths(-6)), "KIWI COLLECTIONS LIMITED", "Debt referred for collection", 2_480m, null, "CX", "Centrix")]
                : [],
            RedArrearsMonthList = defaulted
                ? [new(true, today.AddMonths(-1).Month, today.AddMonths(-1).ToString("MMMM", CultureInfo.InvariantCulture),
                    [new("TSL", "TOTARA SUPPLIES LIMITED", 800m, 1_100m, 580m, 0m)], today.AddMonths(-1).Year)]
                : [],
            PreviousEnquiries = [new(now.AddDays(-random.Next(10, 300)), "KAURI BANK LIMITED")],
            ScoreCard = new(score, score >= 500 ? "Accept" : score >= 300 ? "Refer" : "Decline",
                score >= 500 ? "Low risk" : score >= 300 ? "Adverse data: refer" : "High risk", [], CentrixSandboxBureau.Disclaimer, score / 10),
            FinanceStatementSummaryList = shares is null ? [] : [new("All present and after-acquired personal property", random.Next(0, 3))],
        };
    }

    private static CompanyDetails Details(NzbnEntity company, long number, DateTimeOffset now) => new()
    {
        Company = new(number, company.EntityName, company.EntityStatusCode is "62" or "80" ? Day(company.EntityStatus.LastOrDefault()?.StartDate) : null,
            int.Parse(company.EntityStatusCode, CultureInfo.InvariantCulture), company.EntityStatusDescription ?? company.EntityStatusCode, company.RegistrationDate,
            company.EntityTypeDescription ?? company.EntityTypeCode, company.Company?.HasConstitutionFiled ?? false, company.Company?.RemovalCommenced ?? false,
            company.Company?.Shareholding is { } s ? s.TotalShares() : 0, 0m, 0, company.Company?.StockExchangeListed ?? false,
            long.Parse(company.Nzbn, CultureInfo.InvariantCulture)),
        CompanyStatus = new(int.Parse(company.EntityStatusCode, CultureInfo.InvariantCulture)),
        CompanyHistoricNames = [.. company.EntityNames.Where(n => n.EndDate is not null).Select(n => new CompanyHistoricName(n.EntityName, Day(n.EndDate)))],
        CompanyPreviousStatuses = [.. company.EntityStatus.Where(s => s.EndDate is not null)
            .Select(s => new CompanyPreviousStatus(NzbnCodes.StatusDescriptions.FirstOrDefault(d => d.Value == s.EntityStatus).Key is { } code ? int.Parse(code, CultureInfo.InvariantCulture) : 0, s.EntityStatus, s.EndDate))],
        CompanyDirectors = [.. company.Roles.Where(r => r.RoleType == NzbnRoleTypes.Director && r.RolePerson is not null)
            .Select(r => new CompanyDirector(r.RolePerson!.LastName, string.Join(' ', new[] { r.RolePerson.FirstName, r.RolePerson.MiddleNames }.Where(n => n is not null)),
                Address(r.RoleAddress.LastOrDefault()), r.StartDate, r.EndDate, [], null, null))],
        CompanyShareParcels = [.. (company.Company?.Shareholding?.ShareAllocation ?? []).Select(a => new CompanyShareParcel(a.Allocation,
            [.. a.Shareholder.Select(h => new CompanyShareholder(h.IndividualShareholder?.FullName ?? h.OtherShareholder?.CurrentEntityName ?? "", Address(h.ShareholderAddress), []))]))],
        CompanyAddresses = [.. company.RegisteredAddress.Select(a => new CompanyAddress("Registered office", Address(a) ?? "", a.StartDate))],
        CompaniesOfficeSearchDate = now,
    };

    private static CommercialInsolvency Insolvency(NzbnEntity company, long number) => new()
    {
        CompanyNumber = number,
        DirectorsShareholders = [.. company.Roles.Where(r => r.RolePerson is not null).Select(r => $"{r.RolePerson!.FirstName} {r.RolePerson.LastName}")],
        InsolvencyStatus = company.EntityStatusDescription ?? company.EntityStatusCode,
        InsolvencyType = company.EntityStatusCode == "70" ? "Receivership" : "Liquidation",
        AdjudicationDateTime = Day(company.EntityStatus.LastOrDefault()?.StartDate),
        InsolvencyOfficer = company.Company?.Insolvencies.FirstOrDefault()?.InsolvencyAppointee.FirstOrDefault()?.OrganisationName,
        InsolvencyAddresses = [new(company.RegisteredAddress.LastOrDefault()?.Address1 ?? "", null, company.RegisteredAddress.LastOrDefault()?.Address2, "NZ", null, "New Zealand")],
    };

    private static string? Address(NzbnAddress? address) => address is null
        ? null
        : string.Join(", ", new[] { address.Address1, address.Address2, address.Address3, address.PostCode }.Where(p => !string.IsNullOrWhiteSpace(p)));

    private static string? Day(DateTime? at) => at?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
