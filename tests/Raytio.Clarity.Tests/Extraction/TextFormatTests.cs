using System.Text.Json.Nodes;
using Raytio.Clarity.Models;

namespace Raytio.Clarity.Tests.Extraction;

/// <summary>The optional <c>text_component_formats</c> of a model: reading them, and how a format corrects and judges a reading.</summary>
public class TextFormatTests
{
    private static TextFormat Format(string pattern) => TextFormat.TryParse(pattern, out _)!;

    [Theory]
    [InlineData("AA999999", "YJO83460", "YJ083460")]
    [InlineData("AA999999", "X1950780", "XI950780")]
    [InlineData("AA999999", "qc5115g0", "QC511590")]
    [InlineData("99 AAA 9999", "O2 0CT 1985", "02 OCT 1985")]
    [InlineData("99/99/9999", "1S/O3/2O29", "15/03/2029")]
    [InlineData("999-999-999", "12B-456-78g", "128-456-789")]
    [InlineData("A", "0", "O")]
    [InlineData("letters", "HUGHE5 O'8RIEN", "HUGHES O'BRIEN")]
    [InlineData("digits", "2O1 l5", "201 15")]
    public void Turns_confused_characters_into_the_kind_their_position_holds(string pattern, string read, string expected)
    {
        var format = Format(pattern);

        var corrected = format.Correct(read);

        Assert.Equal(expected, corrected);
        Assert.True(format.Fits(corrected));
    }

    [Theory]
    [InlineData("AA999999", "QCS511590")] // a character too many: positions are unknown, nothing is changed
    [InlineData("AA999999", "")]
    [InlineData("99/99/9999", "Sa. 26/03/2029")]
    [InlineData("A", "Sex M")]
    [InlineData("letters", "")]
    public void A_reading_of_another_shape_is_left_as_read_and_does_not_fit(string pattern, string read)
    {
        var format = Format(pattern);

        Assert.Equal(read, format.Correct(read));
        Assert.False(format.Fits(format.Correct(read)));
    }

    [Fact]
    public void The_second_reading_may_only_answer_what_the_format_holds()
    {
        Assert.Equal("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ", Format("AA999999").Whitelist);
        Assert.Equal("0123456789/ ", Format("99/99/9999").Whitelist);
        Assert.DoesNotContain('0', Format("letters").Whitelist);
        Assert.DoesNotContain('A', Format("digits").Whitelist);
        Assert.True(Format("A").IsOneCharacter);
        Assert.False(Format("AA999999").IsOneCharacter);
    }

    [Theory]
    [InlineData("")]
    [InlineData("AA99*")]
    [InlineData("aa9999")]
    [InlineData(" / ")]
    [InlineData("names")]
    public void Anything_else_is_no_format(string pattern)
    {
        Assert.Null(TextFormat.TryParse(pattern, out var problem));
        Assert.NotNull(problem);
    }

    [Fact]
    public void A_model_declares_formats_for_its_text_components_and_writes_them_back()
    {
        var properties = Model();
        properties["text_component_formats"] = new JsonObject { ["number"] = "AA999999", ["name"] = "letters" };

        var model = ClarityModelJson.Read(properties);

        Assert.Equal("AA999999", model.TextFormats["number"].Pattern);
        Assert.Equal("letters", ClarityModelJson.Read(ClarityModelJson.Write(model)).TextFormats["name"].Pattern);
        Assert.Empty(ClarityModelJson.Read(Model()).TextFormats);
    }

    [Theory]
    [InlineData("""{"nope": "letters"}""", "text_component_formats.nope")]
    [InlineData("""{"number": 7}""", "text_component_formats.number")]
    [InlineData("""{"number": "AA99*"}""", "text_component_formats.number")]
    [InlineData("""["letters"]""", "text_component_formats")]
    public void A_wrong_format_names_its_property(string formats, string field)
    {
        var properties = Model();
        properties["text_component_formats"] = JsonNode.Parse(formats);

        var problem = Assert.Throws<ClarityModelFormatException>(() => ClarityModelJson.Read(properties));

        Assert.Equal(field, problem.Field);
    }

    private static JsonObject Model() => JsonNode.Parse("""
        {"name": "m", "anchor_a": "A", "anchor_c": "C", "norm": [100, 500, 300], "angle": 0, "model_start_date": "2020-01-01",
         "text_components": {"number": [1, 1, 2, 2], "name": [1, 3, 4, 4]}}
        """)!.AsObject();
}
