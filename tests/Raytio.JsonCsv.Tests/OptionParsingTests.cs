using System.Text.Json;

namespace Raytio.JsonCsv.Tests;

public sealed class OptionParsingTests
{
    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    [Theory]
    [InlineData("""{"nope":true}""", "nope")]
    [InlineData("""{"delimiter":{"quote":"'"}}""", "delimiter.quote")]
    [InlineData("""{"keys":[{"field":"a","other":1}]}""", "keys.other")]
    public void UnknownOptionIsNamed(string options, string name)
    {
        var error = Assert.Throws<JsonCsvOptionException>(() => Json2CsvOptions.FromJson(Json(options)));
        Assert.Equal(name, error.OptionName);
        Assert.Contains($"'{name}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"sortHeader":"yes"}""", "sortHeader")]
    [InlineData("""{"excludeKeys":"a"}""", "excludeKeys")]
    [InlineData("""{"delimiter":{"field":1}}""", "delimiter.field")]
    [InlineData("""{"keys":[1]}""", "keys")]
    [InlineData("""{"parseValue":"x"}""", "parseValue")]
    public void WrongTypeOrUnsupportedIsNamed(string options, string name) =>
        Assert.Equal(name, Assert.Throws<JsonCsvOptionException>(() => Json2CsvOptions.FromJson(Json(options))).OptionName);

    /// <summary>System.Text.Json accepts an escaped lone surrogate and throws InvalidOperationException only when it is read.</summary>
    [Theory]
    [InlineData("""{"excludeKeys":["\ud800"]}""", "excludeKeys")]
    [InlineData("""{"delimiter":{"field":"\udc00"}}""", "delimiter")]
    [InlineData("""{"keys":[{"field":"a","title":"\ud800"}]}""", "keys")]
    [InlineData("""{"fieldTitleMap":{"\ud800":"a"}}""", "fieldTitleMap")]
    [InlineData("""{"emptyFieldValue":"\ud800"}""", "emptyFieldValue")]
    [InlineData("""{"\ud800":true}""", "json2csv")]
    public void TextWithoutUnicodeFormIsAnOptionError(string options, string name) =>
        Assert.Equal(name, Assert.Throws<JsonCsvOptionException>(() => Json2CsvOptions.FromJson(Json(options))).OptionName);

    [Fact]
    public void Csv2JsonOptionsAreCheckedToo()
    {
        Assert.Equal("keys", Assert.Throws<JsonCsvOptionException>(() => Csv2JsonOptions.FromJson(Json("""{"keys":[1]}"""))).OptionName);
        Assert.Equal("sortHeader", Assert.Throws<JsonCsvOptionException>(() => Csv2JsonOptions.FromJson(Json("""{"sortHeader":true}"""))).OptionName);
        Assert.Throws<JsonCsvOptionException>(() => Csv2JsonOptions.FromJson(Json("[]")));
        Assert.Equal("headerFields", Assert.Throws<JsonCsvOptionException>(() => Csv2JsonOptions.FromJson(Json("""{"headerFields":["\ud800"]}"""))).OptionName);
    }

    [Fact]
    public void MaxInputBytesIsNotAUserOption() =>
        Assert.Throws<JsonCsvOptionException>(() => Json2CsvOptions.FromJson(Json("""{"maxInputBytes":1}""")));

    [Fact]
    public void EmptyDelimiterFallsBackToTheDefaultAsInJson2Csv() =>
        Assert.Equal("\"", Json2CsvOptions.FromJson(Json("""{"delimiter":{"wrap":""}}""")).Delimiter.Wrap);
}
