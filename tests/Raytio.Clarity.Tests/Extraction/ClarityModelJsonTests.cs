using System.Text.Json.Nodes;
using Raytio.Clarity.Models;

namespace Raytio.Clarity.Tests.Extraction;

public class ClarityModelJsonTests
{
    /// <summary>The reference's example model (its missing comma restored), norm written as a string.</summary>
    private const string ReferenceExample = """
        {"image_components": {"csc_card": [-0.17391304347826086, -1.181159420289855, 8.485507246376812, 4.072463768115942]},
         "text_components": {"number": [2.760869565217391, 1.318840579710145, 6.166666666666667, 1.8985507246376812],
                             "name": [0.6231884057971014, 2.152173913043478, 8.123188405797102, 2.6594202898550723]},
         "table_components": {"endorsements_table": {"ratios": [-1.9295039164490861, 0.21148825065274152, 1.0208877284595301, 2.2872062663185377],
                              "cols": [0.4, 0.3, 0.3], "rows": [0.1, 0.15, 0.15, 0.15, 0.15, 0.15, 0.15]}},
         "country": "NZ", "anchor_c": "Valid", "model_start_date": "2019-01-01", "name": "NZ CSC card", "angle": 0,
         "anchor_a": "COMMUNITY", "model_refiner": "Community Services Card", "norm": "[138, 587, 403]"}
        """;

    [Fact]
    public void Reads_the_references_example()
    {
        var model = ClarityModelJson.Read(JsonNode.Parse(ReferenceExample)!.AsObject());

        Assert.Equal(new ModelNorm(138, 587, 403), model.Norm);
        Assert.Equal("COMMUNITY", model.AnchorA);
        Assert.Equal(new DateOnly(2019, 1, 1), model.ModelStartDate);
        Assert.Equal(7, model.TableComponents["endorsements_table"].Rows.Count);
        Assert.Equal(-1.181159420289855, model.ImageComponents["csc_card"].Y1);
    }

    [Fact]
    public void Writes_what_it_reads()
    {
        var model = ClarityModelJson.Read(JsonNode.Parse(ReferenceExample)!.AsObject());

        var again = ClarityModelJson.Read(ClarityModelJson.Write(model));

        Assert.Equal(model.Norm, again.Norm);
        // Coordinates are written to six decimals (a millionth of anchor A's width).
        Assert.Equal(model.TextComponents["name"].X2, again.TextComponents["name"].X2, 6);
        Assert.Equal(model.TextComponents["name"].Y1, again.TextComponents["name"].Y1, 6);
        Assert.Equal(model.TableComponents["endorsements_table"].Cols, again.TableComponents["endorsements_table"].Cols);
        Assert.Equal(model.ModelRefiner, again.ModelRefiner);
        Assert.Equal("[138,587,403]", ClarityModelJson.Write(model)["norm"]!.ToJsonString());
    }

    [Theory]
    [InlineData("anchor_a", null, "anchor_a")]
    [InlineData("norm", "[1, 2]", "norm")]
    [InlineData("norm", "[0, 10, 10]", "norm")]
    [InlineData("norm", "[1.5, 10, 10]", "norm")]
    [InlineData("model_start_date", "\"1 Jan 2019\"", "model_start_date")]
    [InlineData("text_components", "{\"a\": [2, 0, 1, 1]}", "text_components.a")]
    [InlineData("text_components", null, "text_components")]
    [InlineData("table_components", "{\"t\": {\"ratios\": [0, 0, 1, 1], \"cols\": [0.5, 0.2], \"rows\": [1]}}", "table_components.t.cols")]
    public void Names_the_first_wrong_property(string property, string? json, string field)
    {
        var properties = JsonNode.Parse(ReferenceExample)!.AsObject();
        properties[property] = json is null ? null : JsonNode.Parse(json);
        if (json is null)
            properties.Remove(property);

        var error = Assert.Throws<ClarityModelFormatException>(() => ClarityModelJson.Read(properties));

        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void A_model_is_in_force_from_its_start_until_the_day_before_its_end()
    {
        var model = ClarityModelJson.Read(JsonNode.Parse(ReferenceExample)!.AsObject()) with { ModelEndDate = new DateOnly(2024, 1, 1) };

        Assert.False(model.IsValidOn(new DateOnly(2018, 12, 31)));
        Assert.True(model.IsValidOn(new DateOnly(2019, 1, 1)));
        Assert.True(model.IsValidOn(new DateOnly(2023, 12, 31)));
        Assert.False(model.IsValidOn(new DateOnly(2024, 1, 1)));
    }
}
