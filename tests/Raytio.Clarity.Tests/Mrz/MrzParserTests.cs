using Raytio.Clarity.Mrz;

namespace Raytio.Clarity.Tests.Mrz;

public class MrzParserTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    public static TheoryData<string[]> Specimens => new()
    {
        { ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"] },
        { ["I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"] },
        { ["I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6"] },
        { ["V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L8988901C4XXX4009078F96121096ZE184226B<<<<<<"] },
        { ["V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "L8988901C4XXX4009078F9612109<<<<<<<<"] },
        { ["I<UTOD23145890<7349<<<<<<<<<<<", "3407127M9507122UTO<<<<<<<<<<<2", "STEVENSON<<PETER<JOHN<<<<<<<<<"] },
    };

    [Fact]
    public void Reads_the_TD3_specimen()
    {
        var reading = MrzParser.Parse(["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"], Today)!;

        Assert.Equal(MrzFormat.TD3, reading.Format);
        Assert.True(reading.Valid);
        Assert.Equal(new MrzFields("P", "UTO", "ERIKSSON", "ANNA MARIA", "L898902C3", "UTO", new(1974, 8, 12), 'F', new(2012, 4, 15),
            "ZE184226B"), reading.Fields);
        Assert.Equal(new MrzChecks(true, true, true, true), reading.Checks);
    }

    [Theory]
    [InlineData("P<UTQERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10")]
    [InlineData("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36PAT7408122F1204159ZE184226B<<<<<10")]
    public void Does_not_vouch_for_a_country_code_no_state_carries(string line1, string line2)
    {
        // No check digit covers the issuing state or the nationality: every check passes, yet
        // UTQ and PAT are misreads (of UTO and PRT).
        var reading = MrzParser.Parse([line1, line2], Today)!;

        Assert.True(reading.Checks.All);
        Assert.False(reading.Valid);
    }

    [Fact]
    public void Reads_a_long_TD1_document_number_from_the_optional_data()
    {
        var reading = MrzParser.Parse(["I<UTOD23145890<7349<<<<<<<<<<<", "3407127M9507122UTO<<<<<<<<<<<2", "STEVENSON<<PETER<JOHN<<<<<<<<<"], Today)!;

        Assert.True(reading.Valid);
        Assert.Equal("D23145890734", reading.Fields.DocumentNumber);
        Assert.Equal("", reading.Fields.OptionalData);
        Assert.Equal(new DateOnly(1934, 7, 12), reading.Fields.DateOfBirth);
        Assert.Equal(new DateOnly(2095, 7, 12), reading.Fields.ExpiryDate);
    }

    [Theory]
    [MemberData(nameof(Specimens))]
    public void Reports_every_specimen_valid(string[] lines)
    {
        Assert.True(MrzParser.Parse(lines, Today)!.Valid);
    }

    [Fact]
    public void Gives_visas_no_composite_check()
    {
        var reading = MrzParser.Parse(["V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "L8988901C4XXX4009078F9612109<<<<<<<<"], Today)!;

        Assert.Equal(MrzFormat.MRVB, reading.Format);
        Assert.Null(reading.Checks.Composite);
        Assert.Equal(new DateOnly(1940, 9, 7), reading.Fields.DateOfBirth);
    }

    [Theory]
    [InlineData("740812", 1974)]
    [InlineData("261128", 2026)]
    [InlineData("261129", 1926)]
    [InlineData("000229", 2000)]
    public void Puts_a_birth_date_in_the_latest_century_not_in_the_future(string yymmdd, int year)
    {
        Assert.Equal(year, MrzDates.BirthDate(yymmdd, Today)!.Value.Year);
    }

    [Theory]
    [InlineData("991231", 2099)]
    [InlineData("120415", 2012)]
    public void Puts_an_expiry_date_in_this_century(string yymmdd, int year)
    {
        Assert.Equal(year, MrzDates.ExpiryDate(yymmdd)!.Value.Year);
    }

    [Theory]
    [InlineData("741312")]
    [InlineData("740230")]
    [InlineData("7408<<")]
    public void Gives_no_date_for_an_impossible_or_unknown_one(string yymmdd)
    {
        Assert.Null(MrzDates.BirthDate(yymmdd, Today));
        Assert.Null(MrzDates.ExpiryDate(yymmdd));
    }

    [Fact]
    public void Refuses_lines_without_an_MRZ_layout()
    {
        Assert.Null(MrzParser.Parse(["P<UTOERIKSSON", "L898902C36"], Today));
        Assert.Null(MrzParser.Parse(["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<1"], Today));
        Assert.Null(MrzParser.Parse(["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<«", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"], Today));
    }

    /// <summary>
    /// A single changed character in any position a check digit covers (or in a check digit
    /// itself) is never reported valid. The 7-3-1 scheme cannot see a substitution between
    /// characters whose values differ by a multiple of ten (0 and A, 6 and G...), so those are
    /// the only ones left out; names and nationality are covered by no check digit at all.
    /// </summary>
    [Theory]
    [MemberData(nameof(Specimens))]
    public void Never_reports_a_line_with_one_changed_checked_character_valid(string[] lines)
    {
        var format = MrzFormats.Of(lines)!.Value;
        const string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<";
        var tried = 0;
        foreach (var (line, position) in CheckedPositions(format))
        {
            foreach (var c in alphabet)
            {
                var original = lines[line][position];
                if (c == original || (MrzCheckDigit.ValueOf(c) - MrzCheckDigit.ValueOf(original)) % 10 == 0)
                    continue;
                var corrupted = lines.ToArray();
                corrupted[line] = string.Concat(lines[line].AsSpan(0, position), c.ToString(), lines[line].AsSpan(position + 1));
                Assert.False(MrzParser.Parse(corrupted, Today)!.Valid, $"line {line + 1}: {corrupted[line]}");
                tried++;
            }
        }
        Assert.True(tried > 500);
    }

    /// <summary>
    /// A character of the wrong kind for its position is never reported valid, even one the
    /// check digits cannot see: a letter weighing what the digit it replaces weighs (U for 0, B
    /// for 1) in a date or check digit, a digit in a code or a name, anything but M, F or a
    /// filler as sex.
    /// </summary>
    [Theory]
    [MemberData(nameof(Specimens))]
    public void Never_reports_a_character_of_the_wrong_kind_valid(string[] lines)
    {
        var format = MrzFormats.Of(lines)!.Value;
        var kinds = MrzCharacterKinds.Of(format);
        const string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<";
        var tried = 0;
        for (var line = 0; line < lines.Length; line++)
        {
            for (var position = 0; position < lines[line].Length; position++)
            {
                // Only the first character decides visa or not; changing it changes the layout.
                if (kinds[line][position] == MrzCharacterKind.Any || (line == 0 && position == 0))
                    continue;
                foreach (var c in alphabet.Where(c => !kinds[line][position].Allows(c)))
                {
                    var corrupted = lines.ToArray();
                    corrupted[line] = string.Concat(lines[line].AsSpan(0, position), c.ToString(), lines[line].AsSpan(position + 1));
                    Assert.False(MrzParser.Parse(corrupted, Today)?.Valid, $"line {line + 1}: {corrupted[line]}");
                    tried++;
                }
            }
        }
        Assert.True(tried > 300);
    }

    [Fact]
    public void Withholds_valid_when_the_readings_split_between_characters_a_check_digit_cannot_tell_apart()
    {
        var reading = MrzParser.Parse(["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"], Today)!;
        var line1 = reading.Lines[0];
        string[] withU = [line1, "L898902C36UTO7408122F1204159ZE184226B<<<<<10".Replace("L898902", "L8989U2", StringComparison.Ordinal)];
        string[] asRead = [.. reading.Lines];

        Assert.True(MrzDisputes.Disputed(reading, [asRead, withU]));
        Assert.True(MrzDisputes.Disputed(reading, [asRead, asRead, withU]));
        Assert.False(MrzDisputes.Disputed(reading, [asRead, asRead, asRead, withU]));
        Assert.True(MrzParser.Parse(withU, Today)!.Checks.DocumentNumber);
    }

    [Fact]
    public void Withholds_valid_when_no_character_has_a_majority_at_a_checked_position()
    {
        var reading = MrzParser.Parse(["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"], Today)!;
        string[] asRead = [.. reading.Lines];
        string[] with3 = [asRead[0], asRead[1].Replace("L8989", "L8983", StringComparison.Ordinal)];
        string[] with5 = [asRead[0], asRead[1].Replace("L8989", "L8985", StringComparison.Ordinal)];

        Assert.True(MrzDisputes.Disputed(reading, [asRead, with3, with5]));
        Assert.True(MrzDisputes.Disputed(reading, [asRead, with3]));
        Assert.False(MrzDisputes.Disputed(reading, [asRead, asRead, with3]));
    }

    [Fact]
    public void The_glyph_reading_settles_a_split_between_K_and_the_filler_but_no_other_split()
    {
        var reading = MrzParser.Parse(["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"], Today)!;
        string[] glyphs = [.. reading.Lines];
        string[] withK = [glyphs[0], glyphs[1].Replace("B<<<<<1", "BKKKKK1", StringComparison.Ordinal)];
        string[] withU = [glyphs[0], glyphs[1].Replace("L898902", "L8989U2", StringComparison.Ordinal)];

        Assert.True(MrzDisputes.Disputed(reading, [glyphs, withK, withK]));
        Assert.False(MrzDisputes.Disputed(reading, [glyphs, withK, withK], glyphsFirst: true));
        Assert.True(MrzDisputes.Disputed(reading, [withK, glyphs, glyphs], glyphsFirst: true));
        Assert.True(MrzDisputes.Disputed(reading, [glyphs, withU, withU], glyphsFirst: true));
    }

    [Fact]
    public void The_glyph_reading_settles_a_filler_against_K_and_a_stray_letter_but_not_against_a_letter_read_twice()
    {
        var reading = MrzParser.Parse(["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"], Today)!;
        string[] glyphs = [.. reading.Lines];
        string[] withK = [glyphs[0], glyphs[1].Replace("B<<<<<1", "BKKKKK1", StringComparison.Ordinal)];
        string[] withC = [glyphs[0], glyphs[1].Replace("B<<<<<1", "B<<C<<1", StringComparison.Ordinal)];
        string[] withU = [glyphs[0], glyphs[1].Replace("B<<<<<1", "B<<U<<1", StringComparison.Ordinal)];

        Assert.False(MrzDisputes.Disputed(reading, [glyphs, glyphs, withK, withK, withC], glyphsFirst: true));
        Assert.True(MrzDisputes.Disputed(reading, [glyphs, glyphs, withK, withC, withC], glyphsFirst: true));
        // U weighs what the filler weighs: no check digit would catch it.
        Assert.True(MrzDisputes.Disputed(reading, [glyphs, glyphs, withK, withK, withU], glyphsFirst: true));
        Assert.True(MrzDisputes.Disputed(reading, [glyphs, glyphs, withK, withK, withC]));
    }

    [Fact]
    public void A_split_over_a_check_digit_alone_is_no_dispute()
    {
        // Every character the composite covers was read alike; the composite digit itself was read
        // 0 twice (it is what those characters compute) and 6 three times.
        var reading = MrzParser.Parse(["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"], Today)!;
        string[] asRead = [.. reading.Lines];
        string[] with6 = [asRead[0], asRead[1][..^1] + "6"];
        string[] with6AndNumber = [asRead[0], with6[1].Replace("L8989", "L8983", StringComparison.Ordinal)];

        Assert.False(MrzDisputes.Disputed(reading, [asRead, asRead, with6, with6, with6]));
        Assert.True(MrzDisputes.Disputed(reading, [asRead, asRead, with6AndNumber, with6AndNumber, with6AndNumber]));
    }

    private static IEnumerable<(int Line, int Position)> CheckedPositions(MrzFormat format)
    {
        if (format == MrzFormat.TD1)
        {
            return Enumerable.Range(5, 25).Select(p => (0, p))
                .Concat(Enumerable.Range(0, 7).Select(p => (1, p)))
                .Concat(Enumerable.Range(8, 7).Select(p => (1, p)))
                .Concat(Enumerable.Range(18, 12).Select(p => (1, p)));
        }
        var length = format.LineLength();
        var checkedEnd = format.IsVisa() ? 28 : length;
        return Enumerable.Range(0, 10).Concat(Enumerable.Range(13, 7)).Concat(Enumerable.Range(21, checkedEnd - 21)).Select(p => (1, p));
    }
}
