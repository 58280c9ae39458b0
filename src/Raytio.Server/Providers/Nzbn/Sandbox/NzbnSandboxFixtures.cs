namespace Raytio.Server.Providers.Nzbn.Sandbox;

/// <summary>
/// Hand-built entities at the head of the Sandbox dataset (serials 1-4), whose ownership
/// summaries are worked out by hand in docs/NZBN.md and pinned by the tests:
/// 1. KOWHAI TEST HOLDINGS LIMITED: 1000 shares; 600 to Aria Ngata, 300 jointly to Aria Ngata and
///    Ben Taylor, 100 to company 2. Aria 0.75, Ben 0.15. Ben resigned as a director in 2019.
/// 2. RIMU TEST TRUSTEES LIMITED: 900 shares in one allocation held jointly by three: 1/3 each.
/// 3. Pukeko Test Partners: a partnership (no shares): partners, no owners.
/// 4. TUI TEST VENTURES LIMITED: in liquidation; 1000 shares: 500 and 200 to Hemi Parata, 300 jointly to
///    Hemi Parata, Grace Chen and Finn Walker. Hemi 0.8, Grace 0.1, Finn 0.1; director Isla King holds none.
/// </summary>
public static class NzbnSandboxFixtures
{
    private static readonly DateTime Registered1 = new(2015, 3, 2, 10, 15, 0);
    private static readonly DateTime Registered2 = new(2011, 7, 19, 9, 0, 0);
    private static readonly DateTime Registered3 = new(2018, 11, 5, 14, 30, 0);
    private static readonly DateTime Registered4 = new(2009, 2, 16, 11, 45, 0);
    private static readonly DateTime Liquidated4 = new(2024, 8, 1, 9, 0, 0);

    public static readonly SandboxPerson Aria = new("ARIA", "ROSE", "NGATA");
    public static readonly SandboxPerson Ben = new("BEN", null, "TAYLOR");
    public static readonly SandboxPerson Tamati = new("TAMATI", null, "HENARE");
    public static readonly SandboxPerson Sophie = new("SOPHIE", "ANNE", "MORGAN");
    public static readonly SandboxPerson Vikram = new("VIKRAM", null, "SINGH");
    public static readonly SandboxPerson Hemi = new("HEMI", "JOHN", "PARATA");
    public static readonly SandboxPerson Grace = new("GRACE", null, "CHEN");
    public static readonly SandboxPerson Finn = new("FINN", null, "WALKER");
    public static readonly SandboxPerson Isla = new("ISLA", "MAE", "KING");

    public static IReadOnlyList<NzbnEntity> All { get; } = [Kowhai(), Rimu(), Pukeko(), Tui()];

    private static NzbnEntity Kowhai() => Company(1, "KOWHAI TEST HOLDINGS LIMITED", Registered1, "50", "M692120", "Accounting service") with
    {
        Company = Shares(1000,
            new(600, [Individual(Aria, Registered1)]),
            new(300, [Individual(Aria, Registered1), Individual(Ben, Registered1)]),
            new(100, [new NzbnShareholder
            {
                Type = "Other",
                AppointmentDate = Registered1,
                OtherShareholder = new("RIMU TEST TRUSTEES LIMITED", NzbnSandboxGenerator.NzbnOf(2), NzbnSandboxGenerator.CompanyNumberOf(2), "NZ Limited Company"),
            }])),
        Roles =
        [
            Role(NzbnRoleTypes.Director, Aria, Registered1, null),
            Role(NzbnRoleTypes.Director, Ben, Registered1, new DateTime(2019, 6, 30)),
        ],
    };

    private static NzbnEntity Rimu() => Company(2, "RIMU TEST TRUSTEES LIMITED", Registered2, "50", "L672010", "Real estate agency service") with
    {
        Company = Shares(900, new NzbnShareAllocation(900, [Individual(Tamati, Registered2), Individual(Sophie, Registered2), Individual(Vikram, Registered2)])),
        Roles = [Role(NzbnRoleTypes.Director, Tamati, Registered2, null)],
    };

    private static NzbnEntity Pukeko() => new()
    {
        EntityStatusCode = "50",
        EntityName = "Pukeko Test Partners",
        Nzbn = NzbnSandboxGenerator.NzbnOf(3),
        EntityTypeCode = "Partnership",
        EntityTypeDescription = NzbnCodes.TypeDescriptions["Partnership"],
        EntityStatusDescription = NzbnCodes.StatusDescriptions["50"],
        RegistrationDate = Registered3,
        StartDate = Registered3,
        SourceRegister = "NZBN",
        EntityNames = [new("Pukeko Test Partners", Registered3, null)],
        EntityStatus = [new("Registered", Registered3, null, null, null)],
        RegisteredAddress = [Address(Registered3)],
        IndustryClassification = [new("ic-3", "E323210", "Plumbing services")],
        TradingNames = [new("tn-3", "Pukeko Test Plumbing", Registered3, null)],
        PrivacySettings = new NzbnPrivacySettings(),
        Roles =
        [
            Role(NzbnRoleTypes.Partner, Grace, Registered3, null),
            Role(NzbnRoleTypes.Partner, Finn, Registered3, null),
        ],
    };

    private static NzbnEntity Tui() => Company(4, "TUI TEST VENTURES LIMITED", Registered4, "60", "H451110", "Cafe operation") with
    {
        EntityStatus = [new("Registered", Registered4, Liquidated4, null, null), new("In Liquidation", Liquidated4, null, null, null)],
        LastUpdatedDate = Liquidated4,
        Company = Shares(1000,
            new(500, [Individual(Hemi, Registered4)]),
            new(200, [Individual(Hemi, new DateTime(2016, 4, 1))]),
            new(300, [Individual(Hemi, Registered4), Individual(Grace, Registered4), Individual(Finn, Registered4)])) with
        {
            Insolvencies =
            [
                new NzbnInsolvency
                {
                    Commenced = Liquidated4,
                    InsolvencyType = "Liquidation",
                    InsolvencyAppointee = [new NzbnInsolvencyAppointee { OrganisationName = "KEA RECOVERY LIMITED", AppointmentDate = Liquidated4 }],
                },
            ],
        },
        Roles =
        [
            Role(NzbnRoleTypes.Director, Hemi, Registered4, null),
            Role(NzbnRoleTypes.Director, Isla, new DateTime(2020, 1, 15), null),
        ],
    };

    private static NzbnEntity Company(int serial, string name, DateTime registered, string status, string industryCode, string industry) => new()
    {
        EntityStatusCode = status,
        EntityName = name,
        Nzbn = NzbnSandboxGenerator.NzbnOf(serial),
        EntityTypeCode = "LTD",
        EntityTypeDescription = NzbnCodes.TypeDescriptions["LTD"],
        EntityStatusDescription = NzbnCodes.StatusDescriptions[status],
        RegistrationDate = registered,
        StartDate = registered,
        SourceRegister = "COMPANY",
        SourceRegisterUniqueIdentifier = NzbnSandboxGenerator.CompanyNumberOf(serial),
        LastUpdatedDate = registered,
        EntityNames = [new(name, registered, null)],
        EntityStatus = [new("Registered", registered, null, null, null)],
        RegisteredAddress = [Address(registered)],
        IndustryClassification = [new($"ic-{serial}", industryCode, industry)],
        PrivacySettings = new NzbnPrivacySettings(),
    };

    private static NzbnCompany Shares(long total, params NzbnShareAllocation[] allocations) => new()
    {
        AnnualReturnFilingMonth = 8,
        CountryOfOrigin = "NZ",
        HasConstitutionFiled = true,
        ExtensiveShareholding = false,
        StockExchangeListed = false,
        RemovalCommenced = false,
        Shareholding = new NzbnShareholding { NumberOfShares = total, ShareAllocation = allocations },
    };

    private static NzbnShareholder Individual(SandboxPerson person, DateTime since) => new()
    {
        Type = "Individual",
        AppointmentDate = since,
        IndividualShareholder = person.AsShareholder(),
    };

    private static NzbnRole Role(string type, SandboxPerson person, DateTime from, DateTime? to) => new()
    {
        RoleType = type,
        RoleStatus = to is null ? "ACTIVE" : "INACTIVE",
        StartDate = from,
        EndDate = to,
        RolePerson = person.AsRolePerson(),
    };

    private static NzbnAddress Address(DateTime from) => new()
    {
        StartDate = from,
        Address1 = "8 Test Lane",
        Address2 = "Whataupoko",
        Address3 = "Gisborne",
        PostCode = "4010",
        CountryCode = "NZ",
    };
}
