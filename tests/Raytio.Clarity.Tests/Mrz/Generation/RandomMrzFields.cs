using Raytio.Clarity.Mrz;

namespace Raytio.Clarity.Tests.Mrz.Generation;

/// <summary>Random but plausible MRZ data: names from syllables, mixed-kind document numbers, real calendar dates.</summary>
public sealed class RandomMrzFields(Random random, DateOnly today)
{
    private static readonly string[] Syllables =
    [
        "AN", "NA", "MA", "RI", "SON", "ER", "IK", "LA", "TE", "VAN", "DER", "BO", "KO", "ZU", "WEN", "YA", "LI", "CHEN", "OS",
        "TO", "GI", "QU", "EL", "XAV", "PH", "JO", "HAN", "SEN", "MO", "RA", "DI", "UL", "FE", "NG", "TH", "IS", "EV", "KA",
    ];

    private static readonly string[] Countries =
    [
        "NZL", "AUS", "GBR", "USA", "CAN", "FRA", "DEU", "D", "NLD", "ESP", "ITA", "IRL", "SWE", "NOR", "FIN", "POL", "CZE", "JPN",
        "KOR", "CHN", "IND", "BRA", "MEX", "ZAF", "UTO", "CHE", "AUT", "BEL", "PRT", "GRC", "SGP", "PHL",
    ];

    public MrzFields Next(MrzFormat format)
    {
        var birth = today.AddDays(-random.Next(365 * 2, 365 * 95));
        var expiry = new DateOnly(2012, 1, 1).AddDays(random.Next(0, 365 * 28));
        var type = format switch
        {
            MrzFormat.TD3 => Pick("P", "P", "P", "PN", "PD"),
            MrzFormat.MRVA or MrzFormat.MRVB => Pick("V", "V", "VE"),
            _ => Pick("I", "ID", "IR", "AC", "C"),
        };
        var issuer = Pick(Countries);
        var nationality = random.Next(4) == 0 ? Pick(Countries) : issuer;
        var sex = Pick('M', 'F', 'M', 'F', 'X');
        var optional = format switch
        {
            MrzFormat.TD3 => random.Next(2) == 0 ? "" : Alphanumeric(random.Next(5, 15)),
            MrzFormat.MRVA => random.Next(2) == 0 ? "" : Alphanumeric(random.Next(4, 17)),
            MrzFormat.TD1 => random.Next(2) == 0 ? "" : Alphanumeric(random.Next(4, 14)),
            _ => random.Next(2) == 0 ? "" : Alphanumeric(random.Next(2, 8)),
        };
        var optional2 = format == MrzFormat.TD1 && random.Next(3) == 0 ? Alphanumeric(random.Next(3, 12)) : "";
        return new MrzFields(type, issuer, Name(random.Next(1, 3)), Name(random.Next(1, 4)), DocumentNumber(), nationality, birth, sex,
            expiry, optional, optional2);
    }

    private string Name(int words) =>
        string.Join(random.Next(5) == 0 ? '-' : ' ', Enumerable.Range(0, words).Select(_ =>
            string.Concat(Enumerable.Range(0, random.Next(1, 5)).Select(_ => Pick(Syllables)))));

    /// <summary>Mostly nine characters, letters and digits mixed the way real numbers mix them; some shorter.</summary>
    private string DocumentNumber()
    {
        var length = random.Next(6) == 0 ? random.Next(6, 9) : 9;
        var letters = random.Next(0, 3);
        return Letters(letters) + Digits(length - letters);
    }

    private string Alphanumeric(int length) =>
        new(Enumerable.Range(0, length).Select(_ => random.Next(3) == 0 ? (char)('A' + random.Next(26)) : (char)('0' + random.Next(10))).ToArray());

    private string Letters(int length) => new(Enumerable.Range(0, length).Select(_ => (char)('A' + random.Next(26))).ToArray());

    private string Digits(int length) => new(Enumerable.Range(0, length).Select(_ => (char)('0' + random.Next(10))).ToArray());

    private T Pick<T>(params T[] values) => values[random.Next(values.Length)];
}
