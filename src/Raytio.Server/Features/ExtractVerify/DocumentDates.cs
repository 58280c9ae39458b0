using System.Globalization;
using System.Text.RegularExpressions;

namespace Raytio.Server.Features.ExtractVerify;

/// <summary>
/// Dates as documents print them, to ISO 8601 (operation 104). Numeric dates are day first, as New
/// Zealand writes them (`14/03/1988`, `14.03.88`), unless the year leads (`1988-03-14`, `19880314`);
/// months may be named in English, short or long, also with a second (bilingual) name after a
/// slash (`14 MAR 1988`, `14 MAR/MARS 88`, `March 14, 1988`). A two-digit year is the latest
/// century's that is not in the future for a date of birth, and 20YY for any other date (as for
/// machine-readable zones). Anything else, and dates that do not exist, are not dates.
/// </summary>
public static partial class DocumentDates
{
    /// <summary>English month names, long and short (JANUARY, JAN, ..., and SEPT).</summary>
    private static readonly Dictionary<string, int> Months = MonthNames();

    /// <summary>`YYYY-MM-DD`, or null when <paramref name="text"/> is no date.</summary>
    public static string? ToIsoDate(string text, bool isBirthDate, DateOnly today)
    {
        var value = text.Trim().ToUpperInvariant().Replace(",", " ", StringComparison.Ordinal);
        string year;
        int month, day;
        if (YearFirst().Match(value) is { Success: true } ymd)
        {
            (year, month, day) = (ymd.Groups["y"].Value, Number(ymd, "m"), Number(ymd, "d"));
        }
        else if (DayFirst().Match(value) is { Success: true } dmy)
        {
            (year, month, day) = (dmy.Groups["y"].Value, Number(dmy, "m"), Number(dmy, "d"));
        }
        else if (DayMonthName().Match(value) is { Success: true } named && Months.TryGetValue(named.Groups["m"].Value, out var m))
        {
            (year, month, day) = (named.Groups["y"].Value, m, Number(named, "d"));
        }
        else if (MonthNameDay().Match(value) is { Success: true } american && Months.TryGetValue(american.Groups["m"].Value, out var am))
        {
            (year, month, day) = (american.Groups["y"].Value, am, Number(american, "d"));
        }
        else
        {
            return null;
        }
        return Date(year, month, day, isBirthDate, today)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>`YYYY-MM-DDTHH:mm:ss.fffZ` (UTC; a time without an offset is taken as UTC, a date alone as its midnight), or null.</summary>
    public static string? ToIsoDateTime(string text, DateOnly today)
    {
        if (text.Contains(':', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var moment))
        {
            return moment.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        }
        return ToIsoDate(text, isBirthDate: false, today) is { } date ? $"{date}T00:00:00.000Z" : null;
    }

    private static Dictionary<string, int> MonthNames()
    {
        var format = CultureInfo.InvariantCulture.DateTimeFormat;
        var months = new Dictionary<string, int>(StringComparer.Ordinal) { ["SEPT"] = 9 };
        for (var month = 1; month <= 12; month++)
        {
            months[format.GetMonthName(month).ToUpperInvariant()] = month;
            months[format.GetAbbreviatedMonthName(month).ToUpperInvariant()] = month;
        }
        return months;
    }

    private static int Number(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    /// <summary>The date, or null when it does not exist; a two-digit year resolved as the class summary says.</summary>
    private static DateOnly? Date(string yearText, int month, int day, bool isBirthDate, DateOnly today)
    {
        var year = int.Parse(yearText, CultureInfo.InvariantCulture);
        if (yearText.Length == 2)
        {
            year += isBirthDate ? today.Year / 100 * 100 : 2000;
        }
        if (month is < 1 or > 12 || year is < 1 or > 9999 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }
        var date = new DateOnly(year, month, day);
        if (yearText.Length == 2 && isBirthDate && date > today)
        {
            // 29 February of a leap year may not exist a century earlier.
            return day <= DateTime.DaysInMonth(year - 100, month) ? new DateOnly(year - 100, month, day) : null;
        }
        return date;
    }

    [GeneratedRegex(@"^(?<y>\d{4})(?:(?<s>[-/.])(?<m>\d{1,2})\k<s>(?<d>\d{1,2})|(?<m>\d{2})(?<d>\d{2}))(?:T.*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex YearFirst();

    [GeneratedRegex(@"^(?<d>\d{1,2})(?<s>[-/. ])(?<m>\d{1,2})\k<s>(?<y>\d{4}|\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex DayFirst();

    [GeneratedRegex(@"^(?<d>\d{1,2})[-/. ]*(?<m>[A-Z]{3,9})\.?(?:\s*/\s*\p{L}{3,9}\.?)?[-/. ]*(?<y>\d{4}|\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex DayMonthName();

    [GeneratedRegex(@"^(?<m>[A-Z]{3,9})\.?\s+(?<d>\d{1,2})\s+(?<y>\d{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex MonthNameDay();
}
