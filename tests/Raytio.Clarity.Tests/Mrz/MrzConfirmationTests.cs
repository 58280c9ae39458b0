using Raytio.Clarity.Mrz;

namespace Raytio.Clarity.Tests.Mrz;

public class MrzConfirmationTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    private static readonly MrzReading Specimen =
        MrzParser.Parse(["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"], Today)!;

    [Fact]
    public void Confirms_the_visual_fields_the_zone_agrees_with()
    {
        var verdicts = MrzConfirmation.Confirm(Specimen, new Dictionary<string, string?>
        {
            ["surname"] = "Eriksson",
            ["given_names"] = "Anna María",
            ["document_number"] = "L898902C3",
            ["date_of_birth"] = "12 AUG 1974",
            ["expiry_date"] = "15.04.2012",
            ["sex"] = "F",
            ["nationality"] = "UTO",
            ["place_of_birth"] = "Zenith",
        });

        Assert.All(verdicts, v => Assert.True(v.Confirmed, v.Field));
        Assert.Equal(7, verdicts.Count);
    }

    [Fact]
    public void Gives_the_zone_value_of_a_field_it_contradicts()
    {
        var verdicts = MrzConfirmation.Confirm(Specimen, new Dictionary<string, string?>
        {
            ["document_number"] = "L898902C8",
            ["date_of_birth"] = "1974-08-13",
            ["surname"] = "Ericsson",
            ["sex"] = null,
        });

        Assert.All(verdicts, v => Assert.False(v.Confirmed, v.Field));
        Assert.Equal("L898902C3", verdicts.Single(v => v.Field == "document_number").MrzValue);
        Assert.Equal("1974-08-12", verdicts.Single(v => v.Field == "date_of_birth").MrzValue);
    }

    [Fact]
    public void Confirms_nothing_the_check_digits_do_not_vouch_for()
    {
        var broken = MrzParser.Parse(["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<19"], Today)!;

        var verdicts = MrzConfirmation.Confirm(broken, new Dictionary<string, string?>
        {
            ["surname"] = "ERIKSSON",
            ["document_number"] = "L898902C3",
            ["date_of_birth"] = "1974-08-12",
        });

        Assert.False(verdicts.Single(v => v.Field == "surname").Confirmed);
        Assert.False(verdicts.Single(v => v.Field == "document_number").Confirmed);
        // The date has its own check digit, which still verifies.
        Assert.True(verdicts.Single(v => v.Field == "date_of_birth").Confirmed);
    }

    [Fact]
    public void Confirms_a_name_the_zone_had_to_cut_by_its_beginning()
    {
        var fields = new MrzFields("P", "NZL", "Vandenberg-Smithsonian Worthington", "Alexandra", "LA123456", "NZL", new(2001, 1, 2), 'F',
            new(2031, 1, 1), "");
        var reading = MrzParser.Parse(MrzComposer.Compose(MrzFormat.TD3, fields), Today)!;

        var verdicts = MrzConfirmation.Confirm(reading, new Dictionary<string, string?> { ["given_names"] = "Alexandra" });

        Assert.True(verdicts.Single().Confirmed);
        Assert.Equal("ALE", verdicts.Single().MrzValue);
    }
}
