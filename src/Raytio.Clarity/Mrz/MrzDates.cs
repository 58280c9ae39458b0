using System.Globalization;

namespace Raytio.Clarity.Mrz;

/// <summary>
/// Two-digit MRZ years made whole. A birth date takes the latest century that does not put it
/// in the future; an expiry date is 20YY (documents issued since 2000 expire within this century).
/// </summary>
public static class MrzDates
{
    public static DateOnly? BirthDate(string yymmdd, DateOnly today)
    {
        if (Parts(yymmdd) is not var (yy, month, day))
            return null;
        var century = today.Year / 100 * 100;
        var candidate = Date(century + yy, month, day);
        if (candidate is { } date && date > today)
            return Date(century - 100 + yy, month, day);
        return candidate ?? Date(century - 100 + yy, month, day);
    }

    public static DateOnly? ExpiryDate(string yymmdd) =>
        Parts(yymmdd) is var (yy, month, day) ? Date(2000 + yy, month, day) : null;

    /// <summary>Whether a date field holds six digits, or fillers where part of a date is unknown (ICAO 9303-3 allows them).</summary>
    public static bool IsWellFormed(string yymmdd) => yymmdd.Length == 6 && yymmdd.All(c => c is >= '0' and <= '9' or '<');

    private static (int Year, int Month, int Day)? Parts(string yymmdd)
    {
        if (yymmdd.Length != 6 || !yymmdd.All(char.IsAsciiDigit))
            return null;
        return (Number(yymmdd[..2]), Number(yymmdd[2..4]), Number(yymmdd[4..]));
    }

    private static int Number(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    private static DateOnly? Date(int year, int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
}
