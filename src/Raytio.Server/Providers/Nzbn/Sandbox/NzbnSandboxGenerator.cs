namespace Raytio.Server.Providers.Nzbn.Sandbox;

/// <summary>
/// Generates the Sandbox register: the hand-built entities of <see cref="NzbnSandboxFixtures"/>
/// followed by generated ones, all fictional. The same seed and count give the same dataset on
/// every machine (<see cref="SeededRandom"/>), so it is generated at start-up rather than
/// shipped. NZBNs are 942999 + a six-digit serial + the GS1 check digit, company numbers
/// 9100000 + the serial: ranges the real register does not use today. An entity may hold shares
/// in a later one, always by that entity's own NZBN and name, so the three operations agree.
/// docs/NZBN.md describes the distributions.
/// </summary>
public sealed class NzbnSandboxGenerator(ulong seed, int count)
{
    public const ulong DefaultSeed = 20261128;
    public const int DefaultCount = 240;

    private static readonly DateTime Earliest = new(1995, 1, 1);
    private static readonly DateTime Latest = new(2026, 6, 30);

    private readonly SeededRandom _random = new(seed);

    public static string NzbnOf(int serial) => NzbnNumbers.Complete($"942999{serial:D6}");

    public static string CompanyNumberOf(int serial) => (9_100_000 + serial).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public IReadOnlyList<NzbnEntity> Generate()
    {
        var entities = new List<NzbnEntity>(NzbnSandboxFixtures.All);
        var names = new HashSet<string>(entities.Select(e => e.EntityName), StringComparer.Ordinal);
        for (var serial = entities.Count + 1; entities.Count < count; serial++)
        {
            entities.Add(Entity(serial, UniqueName(names), entities));
        }
        return entities;
    }

    private string UniqueName(HashSet<string> taken)
    {
        while (true)
        {
            var name = $"{_random.Pick(NzbnSandboxWords.NameFirst)} {_random.Pick(NzbnSandboxWords.NameSecond)}";
            if (taken.Add(name))
            {
                return name;
            }
        }
    }

    private NzbnEntity Entity(int serial, string baseName, List<NzbnEntity> earlier)
    {
        var type = EntityType();
        var company = NzbnCodes.IsCompany(type);
        var registered = _random.Day(Earliest, Latest).AddHours(_random.Next(8, 17)).AddMinutes(_random.Next(0, 60));
        var status = Status(company);
        var statusChanged = status == "50" ? (DateTime?)null : _random.Day(registered.AddYears(1), Latest.AddYears(1));
        var name = company ? (type == "COOP" ? baseName + " CO-OPERATIVE LIMITED" : baseName + " LIMITED") : TitleCase(baseName);
        var (names, currentName) = Names(name, registered, company);
        var industry = _random.Pick(NzbnSandboxWords.Industries);
        var slug = baseName.ToLowerInvariant().Replace(' ', '-');
        var people = Enumerable.Range(0, _random.Next(1, 4)).Select(_ => Person()).ToList();
        var registeredAddresses = Addresses(registered);
        return new NzbnEntity
        {
            EntityStatusCode = status,
            EntityName = currentName,
            Nzbn = NzbnOf(serial),
            EntityTypeCode = type,
            EntityTypeDescription = NzbnCodes.TypeDescriptions[type],
            EntityStatusDescription = NzbnCodes.StatusDescriptions[status],
            RegistrationDate = registered,
            StartDate = registered,
            SourceRegister = company ? "COMPANY" : "NZBN",
            SourceRegisterUniqueIdentifier = company ? CompanyNumberOf(serial) : null,
            GstStatus = _random.Chance(0.7) ? "Registered" : null,
            LastUpdatedDate = statusChanged ?? registeredAddresses[^1].StartDate,
            EntityNames = names,
            EntityStatus = statusChanged is { } changed
                ? [new("Registered", registered, changed, null, null), new(NzbnCodes.StatusDescriptions[status], changed, null, null, null)]
                : [new("Registered", registered, null, null, null)],
            EmailAddress = [new($"em-{serial}", $"info@{slug}.example.com", "Email", "Email", registered)],
            RegisteredAddress = registeredAddresses,
            PostalAddress = [Address(registered) with { PostalIsPhysicalAddress = false, PostalIsRegisteredAddress = false }],
            PhysicalAddress = [Address(registered)],
            IndustryClassification = [new($"ic-{serial}", industry.Code, industry.Description)],
            PhoneNumber = [new($"ph-{serial}", "Phone", "Phone", "64", $"0{_random.Next(3, 10)}", $"{_random.Next(200, 999)} {_random.Next(1000, 9999)}", registered)],
            Website = _random.Chance(0.6) ? [new($"web-{serial}", $"https://{slug}.example.com", registered)] : [],
            TradingNames = TradingNames(serial, registered),
            PrivacySettings = new NzbnPrivacySettings(),
            Company = company ? Company(people, registered, status, statusChanged, earlier) : null,
            Roles = Roles(type, people, registered, earlier),
        };
    }

    private string EntityType()
    {
        var roll = _random.Next(0, 100);
        return roll switch
        {
            < 68 => "LTD",
            < 71 => "ULTD",
            < 73 => "COOP",
            < 76 => "ASIC",
            < 84 => "Sole_Trader",
            < 89 => "Partnership",
            < 93 => "Trading_Trust",
            < 95 => "I",
            < 97 => "T",
            < 99 => "Y",
            _ => "S",
        };
    }

    private string Status(bool company)
    {
        var roll = _random.Next(0, 100);
        if (!company)
        {
            return roll < 88 ? "50" : roll < 95 ? "90" : "91";
        }
        return roll switch
        {
            < 78 => "50",
            < 85 => "60",
            < 92 => "80",
            < 95 => "70",
            < 97 => "55",
            < 99 => "61",
            _ => "72",
        };
    }

    private (List<NzbnEntityName> Names, string Current) Names(string name, DateTime registered, bool company)
    {
        if (!_random.Chance(0.15))
        {
            return ([new(name, registered, null)], name);
        }
        var renamed = _random.Day(registered.AddMonths(6), Latest);
        var current = $"{_random.Pick(NzbnSandboxWords.NameFirst)} {name}";
        current = company ? current : TitleCase(current);
        return ([new(name, registered, renamed), new(current, renamed, null)], current);
    }

    private List<NzbnTradingName> TradingNames(int serial, DateTime registered)
    {
        if (!_random.Chance(0.3))
        {
            return [];
        }
        var trading = TitleCase($"{_random.Pick(NzbnSandboxWords.NameFirst)} {_random.Pick(NzbnSandboxWords.NameSecond)}");
        var started = _random.Day(registered, Latest);
        if (_random.Chance(0.3))
        {
            var ended = _random.Day(started.AddMonths(3), Latest.AddYears(1));
            return [new($"tn-{serial}", trading, started, ended)];
        }
        return [new($"tn-{serial}", trading, started, null)];
    }

    private List<NzbnAddress> Addresses(DateTime registered)
    {
        var first = Address(registered);
        if (!_random.Chance(0.25))
        {
            return [first];
        }
        var moved = _random.Day(registered.AddMonths(6), Latest);
        return [first with { EndDate = moved }, Address(moved)];
    }

    private NzbnAddress Address(DateTime from)
    {
        var (suburb, city, postCode) = _random.Pick(NzbnSandboxWords.Places);
        return new NzbnAddress
        {
            UniqueIdentifier = $"ad-{_random.NextUInt64() % 100_000_000:D8}",
            StartDate = from,
            Address1 = $"{_random.Next(1, 400)} {_random.Pick(NzbnSandboxWords.Streets)}",
            Address2 = suburb,
            Address3 = city,
            PostCode = postCode,
            CountryCode = "NZ",
        };
    }

    private SandboxPerson Person() => new(
        _random.Pick(NzbnSandboxWords.FirstNames),
        _random.Chance(0.5) ? _random.Pick(NzbnSandboxWords.MiddleNames) : null,
        _random.Pick(NzbnSandboxWords.LastNames));

    private List<NzbnRole> Roles(string type, List<SandboxPerson> people, DateTime registered, List<NzbnEntity> earlier)
    {
        var roleType = type switch
        {
            _ when NzbnCodes.IsCompany(type) => NzbnRoleTypes.Director,
            "Sole_Trader" => NzbnRoleTypes.SoleTrader,
            "Partnership" or "Y" => NzbnRoleTypes.Partner,
            "Trading_Trust" or "T" => NzbnRoleTypes.Trustee,
            _ => null,
        };
        if (roleType is null)
        {
            return [];
        }
        var holders = roleType == NzbnRoleTypes.SoleTrader ? people.Take(1) : people;
        var roles = holders.Select((person, i) =>
        {
            var resigned = i > 0 && _random.Chance(0.25) ? _random.Day(registered.AddMonths(3), Latest) : (DateTime?)null;
            return new NzbnRole
            {
                RoleType = roleType,
                RoleStatus = resigned is null ? "ACTIVE" : "INACTIVE",
                StartDate = registered.AddMinutes(-1),
                EndDate = resigned,
                RolePerson = person.AsRolePerson(),
                RoleAddress = [Address(registered)],
                UniqueIdentifier = $"ro-{_random.NextUInt64() % 100_000_000:D8}",
            };
        }).ToList();
        // A partnership or trust may have a company as a partner or trustee.
        if (roleType != NzbnRoleTypes.Director && roleType != NzbnRoleTypes.SoleTrader && earlier.Count > 0 && _random.Chance(0.3)
            && earlier.Where(e => NzbnCodes.IsCompany(e.EntityTypeCode)).ToList() is { Count: > 0 } companies)
        {
            var corporate = _random.Pick(companies);
            roles.Add(new NzbnRole
            {
                RoleType = roleType,
                RoleStatus = "ACTIVE",
                StartDate = registered,
                RoleEntity = new(corporate.Nzbn, corporate.EntityName),
                UniqueIdentifier = $"ro-{_random.NextUInt64() % 100_000_000:D8}",
            });
        }
        return roles;
    }

    private NzbnCompany Company(List<SandboxPerson> directors, DateTime registered, string status, DateTime? statusChanged, List<NzbnEntity> earlier)
    {
        var total = _random.Pick<long>([100, 120, 1000, 1000, 1000, 10_000, 100_000, 3]);
        var parts = Split(total, (int)Math.Min(total, _random.Next(1, 5)));
        var allocations = parts.Select(part => new NzbnShareAllocation(part, Holders(directors, registered, earlier))).ToList();
        var historic = _random.Chance(0.2)
            ? new List<NzbnHistoricShareholder>
            {
                new()
                {
                    Type = "Individual",
                    AppointmentDate = registered,
                    VacationDate = _random.Day(registered.AddMonths(1), Latest),
                    HistoricIndividualShareholder = Person().AsShareholder(),
                },
            }
            : [];
        var liquidating = status is "60" or "61";
        return new NzbnCompany
        {
            AnnualReturnFilingMonth = _random.Next(1, 13),
            FinancialReportFilingMonth = _random.Next(1, 13),
            AnnualReturnLastFiled = status == "50" ? _random.Day(Latest.AddYears(-1), Latest) : null,
            HasConstitutionFiled = _random.Chance(0.5),
            CountryOfOrigin = "NZ",
            ExtensiveShareholding = false,
            StockExchangeListed = false,
            Shareholding = new NzbnShareholding { NumberOfShares = total, ShareAllocation = allocations, HistoricShareholder = historic },
            RemovalCommenced = status == "80",
            Insolvencies = liquidating && statusChanged is { } commenced ? [Liquidation(commenced)] : [],
        };
    }

    private NzbnInsolvency Liquidation(DateTime commenced) => new()
    {
        Commenced = commenced,
        InsolvencyType = "Liquidation",
        InsolvencyReport = [new("First Liquidator's Report", true, commenced.AddDays(25))],
        InsolvencyAppointee =
        [
            new NzbnInsolvencyAppointee
            {
                OrganisationName = _random.Pick(NzbnSandboxWords.Liquidators),
                AppointmentDate = commenced,
                Email = "liquidations@insolvency.example.com",
            },
        ],
    };

    /// <summary>An allocation's holders: one person, or two held jointly (one in five), or now and then an earlier company.</summary>
    private List<NzbnShareholder> Holders(List<SandboxPerson> directors, DateTime registered, List<NzbnEntity> earlier)
    {
        if (earlier.Count > 0 && _random.Chance(0.12)
            && earlier.Where(e => NzbnCodes.IsCompany(e.EntityTypeCode)).ToList() is { Count: > 0 } companies)
        {
            var holder = _random.Pick(companies);
            return
            [
                new NzbnShareholder
                {
                    Type = "Other",
                    AppointmentDate = registered,
                    OtherShareholder = new(holder.EntityName, holder.Nzbn, holder.SourceRegisterUniqueIdentifier, holder.EntityTypeDescription),
                    ShareholderAddress = holder.RegisteredAddress.LastOrDefault(),
                },
            ];
        }
        var count = _random.Chance(0.2) ? 2 : 1;
        return Enumerable.Range(0, count).Select(_ => new NzbnShareholder
        {
            Type = "Individual",
            AppointmentDate = registered,
            IndividualShareholder = (_random.Chance(0.75) ? _random.Pick(directors) : Person()).AsShareholder(),
            ShareholderAddress = Address(registered),
        }).GroupBy(s => s.IndividualShareholder!.FullName).Select(g => g.First()).ToList();
    }

    /// <summary><paramref name="total"/> split into <paramref name="parts"/> positive whole parts.</summary>
    private List<long> Split(long total, int parts)
    {
        var cuts = new SortedSet<long>();
        while (cuts.Count < parts - 1)
        {
            cuts.Add(1 + (long)(_random.NextUInt64() % (ulong)(total - 1)));
        }
        var bounds = cuts.Prepend(0).Append(total).ToList();
        return [.. bounds.Zip(bounds.Skip(1), (from, to) => to - from)];
    }

    private static string TitleCase(string upper) =>
        System.Globalization.CultureInfo.InvariantCulture.TextInfo.ToTitleCase(upper.ToLowerInvariant());
}
