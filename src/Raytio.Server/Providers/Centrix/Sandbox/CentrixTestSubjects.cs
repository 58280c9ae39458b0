using Raytio.Server.Providers.Nzbn.Sandbox;

namespace Raytio.Server.Providers.Centrix.Sandbox;

/// <summary>A Sandbox consumer: who they are (matched on surname, first name and date of birth) and the data sets their file holds.</summary>
public sealed record CentrixTestSubject(string FirstName, string Surname, DateOnly DateOfBirth, Func<DateOnly, ConsumerDataSets> DataSets);

/// <summary>
/// The Sandbox's consumers (docs/CREDIT.md, "Test subjects"), fictional, each exercising data
/// sets: a clean file with comprehensive payment history; defaults with arrears and a file note;
/// a court judgment; a bankruptcy; company affiliations (with the NZBN Sandbox's companies) and
/// property. Dates are relative to the day of the enquiry, so the 24 months of payment history end
/// last month.
/// </summary>
public static class CentrixTestSubjects
{
    public static IReadOnlyList<CentrixTestSubject> All { get; } =
    [
        new("AROHA", "TESTCLEAN", new(1985, 4, 12), today => Clean(today)),
        new("MICHAEL", "TESTDEFAULT", new(1979, 11, 3), today => Defaulted(today)),
        new("SARAH", "TESTJUDGMENT", new(1990, 2, 20), today => Judged(today)),
        new("PETER", "TESTINSOLVENT", new(1972, 8, 30), today => Insolvent(today)),
        new("MERE", "TESTDIRECTOR", new(1968, 6, 15), today => Director(today)),
    ];

    public static CentrixTestSubject? Find(ConsumerPersonal personal) => All.FirstOrDefault(s =>
        string.Equals(s.FirstName, personal.FirstName?.Trim(), StringComparison.OrdinalIgnoreCase)
        && string.Equals(s.Surname, personal.Surname?.Trim(), StringComparison.OrdinalIgnoreCase)
        && s.DateOfBirth == personal.DateOfBirth);

    private static ConsumerDataSets Clean(DateOnly today) => Base("AROHA", "TESTCLEAN", new(1985, 4, 12), today, "Accept", 842) with
    {
        PaymentHistory = History(today, _ => "0"),
    };

    private static ConsumerDataSets Defaulted(DateOnly today) => Base("MICHAEL", "TESTDEFAULT", new(1979, 11, 3), today, "Decline", 312) with
    {
        Defaults =
        [
            new("TEL", "Telecommunications", "KIWI COLLECTIONS LIMITED", "TUI MOBILE LIMITED", 642.15m, today.AddMonths(-14), "O", "Outstanding - referred to a debt collector", 642.15m, "TM-00417", today.AddMonths(-14)),
            new("UTL", "Utilities", null, "KAURI POWER LIMITED", 0m, today.AddMonths(-30), "P", "Paid", 318.40m, "KP-99812", today.AddMonths(-20)),
        ],
        FileNotes =
        [
            new(642.15m, today.AddMonths(-14), "TM-00417", "DEF", "Default", "The consumer disputes the amount of this default with the credit provider.", today.AddMonths(-2), "DSP", "Dispute"),
        ],
        PaymentHistory = History(today, monthsAgo => monthsAgo switch { <= 3 => "2", <= 6 => "1", _ => "0" }),
        RedArrearsMonthList =
        [
            new(true, Month(today, 1).Month, Month(today, 1).ToString("MMMM", System.Globalization.CultureInfo.InvariantCulture),
                [new("KPW", "KAURI POWER LIMITED", 120m, 85.50m, 0m, 0m)], Month(today, 1).Year),
        ],
    };

    private static ConsumerDataSets Judged(DateOnly today) => Base("SARAH", "TESTJUDGMENT", new(1990, 2, 20), today, "Refer", 455) with
    {
        Judgments =
        [
            new(4_250m, today.AddMonths(-9), "CIV-2025-004-000123", "District Court civil judgment", "N", [new("HARBOUR VIEW FINANCE LIMITED")], "Unsatisfied", today.AddMonths(-9)),
        ],
        PaymentHistory = History(today, monthsAgo => monthsAgo <= 9 ? "1" : "0"),
    };

    private static ConsumerDataSets Insolvent(DateOnly today) => Base("PETER", "TESTINSOLVENT", new(1972, 8, 30), today, "Decline", 120) with
    {
        Insolvencies =
        [
            new(today.AddYears(-4), today.AddYears(-1), 20_119_934, "Discharged", "Bankruptcy", new DateTimeOffset(today.AddYears(-1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)),
        ],
        FileNotes =
        [
            new(null, null, null, "INS", "Insolvency", "Adjudicated bankrupt; discharged automatically after three years.", today.AddYears(-1), "INS", "Insolvency note"),
        ],
    };

    private static ConsumerDataSets Director(DateOnly today) => Base("MERE", "TESTDIRECTOR", new(1968, 6, 15), today, "Accept", 910) with
    {
        CompanyAffiliations =
        [
            new("Director", "KOWHAI TEST HOLDINGS LIMITED", NzbnSandboxGenerator.CompanyNumberOf(1), "50", "Registered", new(2015, 3, 2), today.AddMonths(-1), null, today.AddMonths(-5)),
            new("Shareholder", "TUI TEST VENTURES LIMITED", NzbnSandboxGenerator.CompanyNumberOf(4), "60", "In Liquidation", new(2012, 5, 1), today.AddMonths(-3), new(2020, 1, 10), new(2024, 8, 1)),
        ],
        PropertyOwnership = new(
        [
            new("GS5A/1234", new("8 Dillon Bell Road", "Whataupoko", "Gisborne District"), new(2003, 10, 17), "3021/44500"),
        ]),
        PaymentHistory = History(today, _ => "0"),
    };

    private static ConsumerDataSets Base(string first, string surname, DateOnly born, DateOnly today, string decision, int score) => new()
    {
        ApplicationDecision = new(decision, [new(1, decision == "Accept" ? "No adverse data" : "Adverse data on file")], 0, "Raytio Sandbox", 1),
        ConsumerFile = new(new(2004, 1, 1), $"SBX-{surname}", new(born, first, null, null, surname, null)),
        KnownNames = [new(born, first, null, surname)],
        KnownAddresses =
        [
            new(today.AddYears(-2), "12 Kowhai Road", null, "Gisborne", "NZL", null, true, "4010", "Whataupoko"),
            new(today.AddYears(-6), "3 Station Street", null, "Napier", "NZL", null, false, "4112", "Taradale"),
        ],
        PreviousEnquiries =
        [
            new(5_000m, "P", "Principal applicant", today.AddMonths(-4), "KAURI BANK LIMITED", "CAPP", "Credit application", "KB-7781", "N", "PL", "Personal loan"),
        ],
        SummaryItems = [new([new("CreditScore", score.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("ScoreRange", "1-1000")], "Score")],
    };

    /// <summary>24 months ending last month, oldest first; <paramref name="status"/> by months ago: 0 on time, 1 30 days late, 2 60 days late.</summary>
    private static PaymentHistory History(DateOnly today, Func<int, string> status) => new(
        [.. Enumerable.Range(1, 24).Reverse().Select(monthsAgo =>
        {
            var month = Month(today, monthsAgo);
            var code = status(monthsAgo);
            return new PaymentProfileMonth(month.Month, month.ToString("MMMM", System.Globalization.CultureInfo.InvariantCulture), code,
                code switch { "0" => "Paid on time", "1" => "30 days overdue", _ => "60 days overdue" }, month.Year);
        })]);

    private static DateOnly Month(DateOnly today, int monthsAgo) => new DateOnly(today.Year, today.Month, 1).AddMonths(-monthsAgo);
}
