namespace Raytio.Server.Providers.Nzbn;

/// <summary>
/// The register's code tables (shared/providers/nzbn/NOTES.md, "Code tables") and the search
/// filters' names for them (the reference's enums of operation 108).
/// </summary>
public static class NzbnCodes
{
    public static IReadOnlyDictionary<string, string> StatusDescriptions { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["50"] = "Registered",
        ["55"] = "Voluntary Administration",
        ["56"] = "Voluntary Administration and In Receivership",
        ["60"] = "In Liquidation",
        ["61"] = "In Receivership and In Liquidation",
        ["62"] = "Removed",
        ["65"] = "Voluntary Administration and In Liquidation",
        ["70"] = "In Receivership",
        ["72"] = "In Statutory Administration",
        ["80"] = "Removed",
        ["90"] = "Inactive",
        ["91"] = "Closed",
    };

    /// <summary>Each `entity-status` filter and the status codes it finds.</summary>
    public static IReadOnlyDictionary<string, string[]> StatusFilters { get; } = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
    {
        ["Registered"] = ["50"],
        ["VoluntaryAdministration"] = ["55", "56", "57", "63", "64", "65", "66"],
        ["InReceivership"] = ["56", "57", "61", "63", "64", "66", "70", "71"],
        ["InLiquidation"] = ["60", "61", "63", "64", "65", "66", "71"],
        ["InStatutoryAdministration"] = ["72"],
        ["Inactive"] = ["90"],
        ["RemovedClosed"] = ["62", "80", "91"],
    };

    public static IReadOnlyDictionary<string, string> TypeDescriptions { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["LTD"] = "NZ Limited Company",
        ["ULTD"] = "NZ Unlimited Company",
        ["COOP"] = "NZ Co-operative Company",
        ["ASIC"] = "Overseas ASIC Company",
        ["NON_ASIC"] = "Overseas Non-ASIC Company",
        ["Sole_Trader"] = "Sole Trader",
        ["Partnership"] = "Partnership",
        ["Trading_Trust"] = "Trust",
        ["B"] = "Building Society",
        ["I"] = "Incorporated Society",
        ["D"] = "Credit Union",
        ["F"] = "Friendly Society",
        ["N"] = "Industrial and Provident Society",
        ["S"] = "Special Body",
        ["T"] = "Charitable Trust",
        ["Y"] = "Limited Partnership (NZ)",
        ["Z"] = "Limited Partnership (Overseas)",
        ["GovtCentral"] = "Central Government",
        ["GovtLocal"] = "Local Government",
        ["GovtEdu"] = "Education",
        ["GovtOther"] = "Other Public Sector",
    };

    /// <summary>Each `entity-type` filter and the type codes it finds (a code finds itself).</summary>
    public static IReadOnlyDictionary<string, string[]> TypeFilters { get; } = BuildTypeFilters();

    /// <summary>The companies: only they have shareholding and directors.</summary>
    public static bool IsCompany(string entityTypeCode) => entityTypeCode is "LTD" or "ULTD" or "COOP" or "ASIC" or "NON_ASIC";

    private static Dictionary<string, string[]> BuildTypeFilters()
    {
        var filters = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
        {
            ["NZCompany"] = ["LTD", "ULTD", "COOP"],
            ["OverseasCompany"] = ["ASIC", "NON_ASIC"],
            ["SoleTrader"] = ["Sole_Trader"],
            ["Trust"] = ["Trading_Trust"],
            ["BuildingSociety"] = ["B"],
            ["CharitableTrust"] = ["T"],
            ["CreditUnion"] = ["D"],
            ["FriendlySociety"] = ["F"],
            ["IncorporatedSociety"] = ["I"],
            ["IndustrialAndProvidentSociety"] = ["N"],
            ["LimitedPartnershipNz"] = ["Y"],
            ["LimitedPartnershipOverseas"] = ["Z"],
            ["SpecialBodies"] = ["S"],
            ["SpecialBody"] = ["S"],
        };
        foreach (var code in TypeDescriptions.Keys)
        {
            filters.TryAdd(code, [code]);
        }
        return filters;
    }

    /// <summary>The `change-event` filters of operation 108.</summary>
    public static IReadOnlySet<string> ChangeEvents { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "name", "registrationDate", "startDate", "status", "statusDescription", "fraFilingMonth", "arFilingMonth", "constitutionFiled",
        "countryOfOrigin", "tradingNames", "websites", "phoneNumbers", "emailAddresses", "businessIndustryClassifications", "abnNumber",
        "acnNumber", "locationIdentifier", "nzsxCode", "ultimateHoldingCompany", "principalPlaceOfActivity", "registeredAddresses",
        "physicalAddress", "otherAddresses", "shareholding", "recordAddresses", "shareRegisterAddresses", "insolvencyDetails",
        "personsAuthorisedForService", "addressForServices", "gstStatus", "annualReturns", "role", "role:company director",
        "role:PARTNER_INDIVIDUAL", "role:PARTNER_OTHER", "role:SOLE_TRADER", "role:TRUSTEE_INDIVIDUAL", "role:TRUSTEE_OTHER",
    };
}
