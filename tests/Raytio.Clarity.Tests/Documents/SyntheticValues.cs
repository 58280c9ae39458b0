using System.Globalization;

namespace Raytio.Clarity.Tests.Documents;

/// <summary>Random but plausible field values for the synthetic documents.</summary>
public sealed class SyntheticValues(Random random)
{
    private static readonly string[] Surnames =
    [
        "SMITH", "WILLIAMS", "BROWN", "TAYLOR", "WILSON", "JONES", "NGATA", "TAMIHANA", "PATEL", "SINGH",
        "CHEN", "WANG", "LEE", "KUMAR", "THOMPSON", "ANDERSON", "CAMPBELL", "STEWART", "WALKER", "ROBINSON",
        "HARRIS", "CLARKE", "MORGAN", "PARATA", "TAUROA", "WHAITIRI", "MCDONALD", "FRASER", "MARTIN", "HUGHES",
    ];

    private static readonly string[] FirstNames =
    [
        "JAMES", "OLIVIA", "AROHA", "WIREMU", "MERE", "HANA", "LIAM", "EMMA", "NOAH", "AVA",
        "LUCAS", "ISLA", "JACK", "AMELIA", "OLIVER", "CHARLOTTE", "TAMATI", "RANGI", "GRACE", "HUGO",
        "MIA", "LEO", "ZOE", "ARIKI", "KAHU", "RUBY", "FINN", "ELLA", "MAX", "SOPHIE",
    ];

    private static readonly string[] Stages = ["LEARNER", "RESTRICTED", "FULL"];

    public string Surname() => Pick(Surnames);

    public string GivenNames() => random.Next(2) == 0 ? Pick(FirstNames) : $"{Pick(FirstNames)} {Pick(FirstNames)}";

    public string Letters(int count) => new(Enumerable.Range(0, count).Select(_ => (char)('A' + random.Next(26))).ToArray());

    public string Digits(int count) => new(Enumerable.Range(0, count).Select(_ => (char)('0' + random.Next(10))).ToArray());

    public string Stage() => Pick(Stages);

    public string Sex() => random.Next(2) == 0 ? "F" : "M";

    public DateOnly Date(int fromYear, int toYear) =>
        new DateOnly(fromYear, 1, 1).AddDays(random.Next(new DateOnly(toYear, 12, 31).DayNumber - new DateOnly(fromYear, 1, 1).DayNumber));

    /// <summary>"12 MAR 1985", as passports print dates.</summary>
    public static string PassportDate(DateOnly date) => date.ToString("dd MMM yyyy", CultureInfo.InvariantCulture).ToUpperInvariant();

    /// <summary>"12/03/1985", as cards print dates.</summary>
    public static string CardDate(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private string Pick(string[] values) => values[random.Next(values.Length)];
}
