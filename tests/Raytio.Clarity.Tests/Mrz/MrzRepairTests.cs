using Raytio.Clarity.Mrz;
using Raytio.Clarity.Ocr;

namespace Raytio.Clarity.Tests.Mrz;

public class MrzRepairTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);
    private const string Line1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
    private const string Line2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<10";

    [Fact]
    public void Gives_each_position_its_kind()
    {
        // Letters in the dates and check digits, digits in the codes and names, chevrons read as K.
        var reading = MrzRepair.Repair(MrzFormat.TD3,
            ["P<UT0ERIKSS0N<<ANNA<MARIA<<<<KKKK<<<<<<<<<<K", "L898902C36UTO74O8I22F12O4I59ZE184226B<<<<<IO"], Today)!;

        Assert.True(reading.Valid);
        Assert.Equal([Line1, Line2], reading.Lines);
    }

    [Fact]
    public void Ends_a_name_at_three_fillers_in_a_row()
    {
        // A long filler run read by Tesseract's English model as S, K, E: ICAO pads names with
        // fillers after one double separator, so nothing follows three fillers in a row.
        var reading = MrzRepair.Repair(MrzFormat.TD3, ["P<UTOERIKSSON<<ANNA<MARIA<<<SSKSEESERK<<<<<<", Line2], Today)!;

        Assert.Equal(Line1, reading.Lines[0]);
        Assert.Equal("ANNA MARIA", reading.Fields.GivenNames);
    }

    [Fact]
    public void Ends_a_visas_optional_data_at_three_fillers_in_a_row()
    {
        var reading = MrzRepair.Repair(MrzFormat.MRVA,
            ["V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L8988901C4XXX4009078F96121096ZE184226B<<<K<K"], Today)!;

        Assert.Equal("L8988901C4XXX4009078F96121096ZE184226B<<<<<<", reading.Lines[1]);
        Assert.Equal("6ZE184226B", reading.Fields.OptionalData);
    }

    [Fact]
    public void Keeps_fillers_within_a_name_and_between_surname_and_given_names()
    {
        var reading = MrzRepair.Repair(MrzFormat.TD3, ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", Line2], Today)!;

        Assert.Equal(("ERIKSSON", "ANNA MARIA"), (reading.Fields.Surname, reading.Fields.GivenNames));
    }

    [Fact]
    public void Keeps_a_K_that_ends_a_name()
    {
        var reading = MrzRepair.Repair(MrzFormat.TD3, ["P<UTOERIK<<ANNA<<<<<<<<<<<<<<<<<<<<<<<<<<<<<", Line2], Today)!;

        Assert.Equal("ERIK", reading.Fields.Surname);
    }

    [Fact]
    public void Keeps_a_K_that_begins_a_name_after_the_separator()
    {
        var reading = MrzRepair.Repair(MrzFormat.TD3, ["P<UTOERIKSSON<<KARIN<<<<<<<<<<<<<<<<<<<<<<<<", Line2], Today)!;

        Assert.Equal("KARIN", reading.Fields.GivenNames);
    }

    [Fact]
    public void Corrects_a_suspect_character_when_the_check_digits_then_verify()
    {
        var reading = MrzRepair.Repair(MrzFormat.TD3, [Line1, "L8989O2C36UTO7408122F1204159ZE184226B<<<<<10"], Today,
            new HashSet<(int, int)> { (1, 5) })!;

        Assert.True(reading.Valid);
        Assert.Equal("L898902C3", reading.Fields.DocumentNumber);
    }

    [Fact]
    public void Leaves_a_field_invalid_rather_than_correct_a_character_no_reading_doubted()
    {
        // The wrong character (7 for 3) is no OCR-B confusion; changing 0 to O or 8 to B elsewhere
        // might happen to verify, but those positions were read alike every time.
        var reading = MrzRepair.Repair(MrzFormat.TD3, [Line1, "L898902C76UTO7408122F1204159ZE184226B<<<<<10"], Today,
            new HashSet<(int, int)> { (1, 8) })!;

        Assert.False(reading.Valid);
        Assert.False(reading.Checks.DocumentNumber);
        Assert.Equal("L898902C7", reading.Fields.DocumentNumber);
    }

    [Fact]
    public void Lays_words_on_their_cells_and_restores_dropped_fillers()
    {
        // Pitch 10: "P<UTOERIKSSON" from 0, "ANNA" from cell 15, "MARIA" after a filler read as nothing.
        var line = new OcrTextLine(
        [
            Word("P<UTOERIKSSON", 0, 13),
            Word("ANNA", 150, 4),
            Word("MARIA", 200, 5),
        ]);

        Assert.Equal(Line1, MrzLineAligner.Align(line, 0, 10, 44));
    }

    [Fact]
    public void Fits_a_filler_run_read_too_short_to_its_width()
    {
        var line = new OcrTextLine([Word("ZE184226B<<10", 280, 16)]);

        Assert.EndsWith("ZE184226B<<<<<10", MrzLineAligner.Align(line, 0, 10, 44));
    }

    private static OcrWord Word(string text, int left, int cells) => new(text, new PixelBox(left, 0, cells * 10 - 3, 20), 90, 1, 1, 1);
}
