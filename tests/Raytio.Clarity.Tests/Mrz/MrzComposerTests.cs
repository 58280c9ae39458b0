using Raytio.Clarity.Mrz;

namespace Raytio.Clarity.Tests.Mrz;

/// <summary>The composer against the specimen zones printed in ICAO 9303 parts 4 to 7.</summary>
public class MrzComposerTests
{
    private static MrzFields Eriksson(string type, string number, string nationality, DateOnly birth, DateOnly expiry, string optional = "") =>
        new(type, "UTO", "Eriksson", "Anna Maria", number, nationality, birth, 'F', expiry, optional);

    [Fact]
    public void Composes_the_TD3_passport_specimen()
    {
        var lines = MrzComposer.Compose(MrzFormat.TD3,
            Eriksson("P", "L898902C3", "UTO", new(1974, 8, 12), new(2012, 4, 15), "ZE184226B"));

        Assert.Equal(["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"], lines);
    }

    [Fact]
    public void Composes_the_TD1_card_specimen()
    {
        var lines = MrzComposer.Compose(MrzFormat.TD1, Eriksson("I", "D23145890", "UTO", new(1974, 8, 12), new(2012, 4, 15)));

        Assert.Equal(["I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"], lines);
    }

    [Fact]
    public void Composes_the_TD2_card_specimen()
    {
        var lines = MrzComposer.Compose(MrzFormat.TD2, Eriksson("I", "D23145890", "UTO", new(1974, 8, 12), new(2012, 4, 15)));

        Assert.Equal(["I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6"], lines);
    }

    [Fact]
    public void Composes_the_MRV_A_visa_specimen()
    {
        var lines = MrzComposer.Compose(MrzFormat.MRVA,
            Eriksson("V", "L8988901C", "XXX", new(1940, 9, 7), new(1996, 12, 10), "6ZE184226B"));

        Assert.Equal(["V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L8988901C4XXX4009078F96121096ZE184226B<<<<<<"], lines);
    }

    [Fact]
    public void Composes_the_MRV_B_visa_specimen()
    {
        var lines = MrzComposer.Compose(MrzFormat.MRVB, Eriksson("V", "L8988901C", "XXX", new(1940, 9, 7), new(1996, 12, 10)));

        Assert.Equal(["V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "L8988901C4XXX4009078F9612109<<<<<<<<"], lines);
    }

    [Fact]
    public void Carries_a_long_TD1_document_number_into_the_optional_data()
    {
        var lines = MrzComposer.Compose(MrzFormat.TD1, Eriksson("I", "D23145890123", "UTO", new(1974, 8, 12), new(2012, 4, 15)));

        Assert.Equal(("I<UTOD23145890<123" + MrzCheckDigit.Compute("D23145890123")).PadRight(30, '<'), lines[0]);
    }

    [Fact]
    public void Writes_an_unspecified_sex_as_a_filler_and_cuts_long_names()
    {
        var fields = new MrzFields("P", "NZL", "Vandenberg-Smithsonian Worthington", "Alexandra Catherine Josephine", "LA123456",
            "NZL", new(2001, 1, 2), 'X', new(2031, 1, 1), "");

        var lines = MrzComposer.Compose(MrzFormat.TD3, fields);

        Assert.Equal("P<NZLVANDENBERG<SMITHSONIAN<WORTHINGTON<<ALE", lines[0]);
        Assert.Equal('<', lines[1][20]);
    }

    [Fact]
    public void Refuses_characters_an_MRZ_cannot_hold()
    {
        var fields = Eriksson("P", "L898-02C3", "UTO", new(1974, 8, 12), new(2012, 4, 15));

        Assert.Throws<ArgumentException>(() => MrzComposer.Compose(MrzFormat.TD3, fields));
    }
}
