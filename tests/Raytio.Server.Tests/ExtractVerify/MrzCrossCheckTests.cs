using Raytio.Clarity.Mrz;
using Raytio.Server.Features.ExtractVerify;

namespace Raytio.Server.Tests.ExtractVerify;

/// <summary>How operation 102 confirms and corrects a passport's visual-zone fields with its machine-readable zone.</summary>
public sealed class MrzCrossCheckTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    private static MrzReading Zone() => MrzParser.Parse(MrzComposer.Compose(MrzFormat.TD3, new MrzFields(
        "P", "NZL", "NGATA", "TANE WIREMU", "LA100006", "NZL", new DateOnly(1980, 12, 25), 'M', new DateOnly(2032, 5, 31), "")), Today)!;

    private static Dictionary<string, IReadOnlyList<string>> Text(params (string Name, string Value)[] fields) =>
        fields.ToDictionary(f => f.Name, f => (IReadOnlyList<string>)f.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

    [Fact]
    public void Fields_the_zone_agrees_with_are_confirmed_and_left_as_read()
    {
        var read = Text(("document_number", "LA100006"), ("surname", "Ngata"), ("given_names", "TĀNE WIREMU"),
            ("date_of_birth", "25 DEC 1980"), ("sex", "M"), ("date_of_expiry", "31 MAY 2032"), ("issuing_country", "NZL"), ("photo_caption", "x"));

        var (text, report) = MrzCrossCheck.Apply(Zone(), read);

        Assert.Equal(["document_number", "surname", "given_names", "date_of_birth", "sex", "expiry_date", "issuing_country"],
            report["confirmed"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Empty(report["corrected"]!.AsArray());
        Assert.Equal(["Ngata"], text["surname"]);
        Assert.Equal(["TĀNE", "WIREMU"], text["given_names"]);
        Assert.True(report["valid"]!.GetValue<bool>());
        Assert.Equal("TD3", report["format"]!.GetValue<string>());
    }

    [Fact]
    public void Fields_the_check_digits_vouch_for_replace_a_contradicting_reading_but_a_name_read_as_a_name_is_kept()
    {
        var read = Text(("document_number", "LA1O0006"), ("date_of_birth", "26 DEC 1980"), ("sex", "e"), ("surname", "NGATI"),
            ("given_names", "TAN3 W1REMU"));

        var (text, report) = MrzCrossCheck.Apply(Zone(), read);

        Assert.Equal(["LA100006"], text["document_number"]);
        Assert.Equal(["1980-12-25"], text["date_of_birth"]);
        Assert.Equal(["M"], text["sex"]);
        Assert.Equal(["NGATI"], text["surname"]);
        Assert.Equal(["TANE", "WIREMU"], text["given_names"]);
        Assert.Equal(["document_number", "date_of_birth", "sex", "given_names"],
            report["corrected"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Empty(report["confirmed"]!.AsArray());
    }

    [Fact]
    public void A_zone_whose_check_digits_fail_corrects_nothing()
    {
        var lines = MrzComposer.Compose(MrzFormat.TD3, new MrzFields(
            "P", "NZL", "SMITH", "ANNA", "LA100001", "NZL", new DateOnly(1990, 1, 2), 'F', new DateOnly(2030, 1, 2), ""));
        var wrongDigit = (char)('0' + (lines[1][9] - '0' + 1) % 10);
        var broken = MrzParser.Parse([lines[0], lines[1][..9] + wrongDigit + lines[1][10..]], Today)!;

        var (text, report) = MrzCrossCheck.Apply(broken, Text(("document_number", "LA1000O1"), ("surname", "")));

        Assert.False(report["valid"]!.GetValue<bool>());
        Assert.Equal(["LA1000O1"], text["document_number"]);
        Assert.Empty(report["corrected"]!.AsArray());
    }
}
