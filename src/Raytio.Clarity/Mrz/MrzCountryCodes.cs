namespace Raytio.Clarity.Mrz;

/// <summary>
/// The codes an MRZ may carry for the issuing state and the nationality (ICAO 9303-3, 5): the
/// ISO 3166-1 alpha-3 codes, Germany's single D, ICAO's codes for British nationals, the United
/// Nations and other organisations, stateless persons and refugees, and UTO, the fictional
/// state of ICAO's specimens. No check digit covers these fields, so a code outside this list
/// is a misread the check digits cannot see.
/// </summary>
public static class MrzCountryCodes
{
    private static readonly HashSet<string> Known =
    [
        .. """
           AFG ALA ALB DZA ASM AND AGO AIA ATA ATG ARG ARM ABW AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BMU BTN BOL BES
           BIH BWA BVT BRA IOT BRN BGR BFA BDI CPV KHM CMR CAN CYM CAF TCD CHL CHN CXR CCK COL COM COG COD COK CRI CIV HRV
           CUB CUW CYP CZE DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FLK FRO FJI FIN FRA GUF PYF ATF GAB GMB GEO DEU
           GHA GIB GRC GRL GRD GLP GUM GTM GGY GIN GNB GUY HTI HMD VAT HND HKG HUN ISL IND IDN IRN IRQ IRL IMN ISR ITA JAM
           JPN JEY JOR KAZ KEN KIR PRK KOR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MAC MDG MWI MYS MDV MLI MLT MHL MTQ
           MRT MUS MYT MEX FSM MDA MCO MNG MNE MSR MAR MOZ MMR NAM NRU NPL NLD NCL NZL NIC NER NGA NIU NFK MKD MNP NOR OMN
           PAK PLW PSE PAN PNG PRY PER PHL PCN POL PRT PRI QAT REU ROU RUS RWA BLM SHN KNA LCA MAF SPM VCT WSM SMR STP SAU
           SEN SRB SYC SLE SGP SXM SVK SVN SLB SOM ZAF SGS SSD ESP LKA SDN SUR SJM SWE CHE SYR TWN TJK TZA THA TLS TGO TKL
           TON TTO TUN TUR TKM TCA TUV UGA UKR ARE GBR USA UMI URY UZB VUT VEN VNM VGB VIR WLF ESH YEM ZMB ZWE
           D GBD GBN GBO GBP GBS RKS EUE UNO UNA UNK XBA XIM XCC XCE XCO XEC XPO XES XMP XOM XDC XXA XXB XXC XXX UTO
           """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries),
    ];

    /// <summary>Whether a code (fillers removed) is one an MRZ may carry.</summary>
    public static bool IsKnown(string code) => Known.Contains(code);

    /// <summary>Where the format holds its two codes: (line, start) of three characters each.</summary>
    public static IReadOnlyList<(int Line, int Start)> Positions(MrzFormat format) =>
        format == MrzFormat.TD1 ? [(0, 2), (1, 15)] : [(0, 2), (1, 10)];

    /// <summary>
    /// The voted lines with each unknown code replaced by the one known code the readings allow
    /// (each position taking any character some reading saw there), when exactly one is; else
    /// the code stays as voted, and the zone will not be reported valid.
    /// </summary>
    public static string[] Settle(string[] voted, MrzFormat format, IReadOnlyList<string[]> readings)
    {
        var lines = (string[])voted.Clone();
        foreach (var (line, start) in Positions(format))
        {
            if (IsKnown(voted[line].Substring(start, 3).Replace("<", "", StringComparison.Ordinal)))
                continue;
            var seen = Enumerable.Range(start, 3).Select(i => readings.Select(r => r[line][i]).Distinct().ToArray()).ToArray();
            var known = (from a in seen[0] from b in seen[1] from c in seen[2] select new string([a, b, c]))
                .Where(code => IsKnown(code.Replace("<", "", StringComparison.Ordinal)) && !code.StartsWith('<'))
                .Distinct()
                .ToList();
            if (known.Count == 1)
                lines[line] = string.Concat(voted[line].AsSpan(0, start), known[0], voted[line].AsSpan(start + 3));
        }
        return lines;
    }
}
