using Raytio.Clarity.Mrz;

namespace Raytio.Clarity.Tests.Mrz;

public class MrzCountryCodesTests
{
    private const string Line1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
    private const string Line2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<10";

    [Theory]
    [InlineData("NZL")]
    [InlineData("D")]
    [InlineData("UTO")]
    [InlineData("XXA")]
    [InlineData("GBD")]
    public void Knows_the_codes_ICAO_assigns(string code) => Assert.True(MrzCountryCodes.IsKnown(code));

    [Theory]
    [InlineData("UTQ")]
    [InlineData("PAT")]
    [InlineData("NZ")]
    [InlineData("")]
    public void Knows_no_other_code(string code) => Assert.False(MrzCountryCodes.IsKnown(code));

    [Fact]
    public void Settles_an_unknown_code_on_the_one_known_code_the_readings_allow()
    {
        string[] voted = ["P<UTQERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", Line2];
        string[][] readings = [voted, voted, [Line1, Line2]];

        Assert.Equal([Line1, Line2], MrzCountryCodes.Settle(voted, MrzFormat.TD3, readings));
    }

    [Fact]
    public void Leaves_an_unknown_code_when_the_readings_allow_none_or_several()
    {
        string[] voted = [Line1, "L898902C36PAT7408122F1204159ZE184226B<<<<<10"];
        // PAK and PAN are both codes: the readings cannot tell which was printed.
        string[][] readings = [voted, [Line1, "L898902C36PAK7408122F1204159ZE184226B<<<<<10"], [Line1, "L898902C36PAN7408122F1204159ZE184226B<<<<<10"]];

        Assert.Equal(voted, MrzCountryCodes.Settle(voted, MrzFormat.TD3, readings));
        Assert.Equal(voted, MrzCountryCodes.Settle(voted, MrzFormat.TD3, [voted]));
    }
}
