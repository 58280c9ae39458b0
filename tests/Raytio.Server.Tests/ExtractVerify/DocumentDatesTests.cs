using Raytio.Server.Features.ExtractVerify;

namespace Raytio.Server.Tests.ExtractVerify;

/// <summary>Dates as documents print them (<see cref="DocumentDates"/>).</summary>
public sealed class DocumentDatesTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    [Theory]
    [InlineData("1988-03-14", "1988-03-14")]
    [InlineData("1988-3-4", "1988-03-04")]
    [InlineData("1988.03.14", "1988-03-14")]
    [InlineData("19880314", "1988-03-14")]
    [InlineData("14/03/1988", "1988-03-14")]
    [InlineData("4-3-1988", "1988-03-04")]
    [InlineData("14 03 1988", "1988-03-14")]
    [InlineData("14 MAR 1988", "1988-03-14")]
    [InlineData("14 march 1988", "1988-03-14")]
    [InlineData("14-Sept-1988", "1988-09-14")]
    [InlineData("14MAR88", "2088-03-14")]
    [InlineData("21 AUG/AOÛT 2021", "2021-08-21")]
    [InlineData("March 14, 1988", "1988-03-14")]
    [InlineData("29/02/2024", "2024-02-29")]
    public void Other_dates_are_read_with_two_digit_years_in_this_century(string given, string expected) =>
        Assert.Equal(expected, DocumentDates.ToIsoDate(given, isBirthDate: false, Today));

    [Theory]
    [InlineData("14/03/88", "1988-03-14")]
    [InlineData("26/11/26", "2026-11-26")]
    [InlineData("27/11/26", "1926-11-27")]
    [InlineData("01/01/27", "1927-01-01")]
    public void Birth_dates_take_the_latest_century_not_in_the_future(string given, string expected) =>
        Assert.Equal(expected, DocumentDates.ToIsoDate(given, isBirthDate: true, Today));

    [Theory]
    [InlineData("29/02/2023")]
    [InlineData("31/04/1990")]
    [InlineData("14/13/1988")]
    [InlineData("1988-03-14 extra")]
    [InlineData("14 SMARCH 1988")]
    [InlineData("yesterday")]
    [InlineData("")]
    [InlineData("00/01/1990")]
    public void Non_dates_are_null(string given) => Assert.Null(DocumentDates.ToIsoDate(given, isBirthDate: false, Today));

    [Theory]
    [InlineData("2021-08-21T10:15:00+12:00", "2021-08-20T22:15:00.000Z")]
    [InlineData("2021-08-21T10:15:00", "2021-08-21T10:15:00.000Z")]
    [InlineData("21/08/2021", "2021-08-21T00:00:00.000Z")]
    public void Date_times_become_utc_with_milliseconds(string given, string expected) =>
        Assert.Equal(expected, DocumentDates.ToIsoDateTime(given, Today));
}
