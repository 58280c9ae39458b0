using System.Text.Json;

namespace Raytio.JsonCsv.Tests;

public sealed class Csv2JsonTests
{
    private static string Convert(string csv, string options = "{}") =>
        CsvToJson.Convert(csv, Csv2JsonOptions.FromJson(JsonDocument.Parse(options).RootElement));

    [Fact]
    public void ParsesValuesAsJsonParseDoes() =>
        Assert.Equal("""[{"a":1,"b":true,"c":null,"e":"","f":"x","g":[1,2],"h":{"k":1},"i":"1e400","j":5,"k":1.5,"l":"0x10"}]""",
            Convert("a,b,c,d,e,f,g,h,i,j,k,l\n1,true,null,undefined,,x,\"[1,2]\",\"{\"\"k\"\":1}\",1e400, 5 ,1.50,0x10"));

    [Fact]
    public void Rfc4180QuotedDelimitersQuotesAndLineBreaks() =>
        Assert.Equal("""[{"a":"x,y","b":"he said \"hi\""},{"a":"multi\nline","b":"z"},{"a":"\n","b":"\"s\""}]""",
            Convert("a,b\n\"x,y\",\"he said \"\"hi\"\"\"\n\"multi\nline\",z\n\"\n\",\"\"\"s\"\"\""));

    [Fact]
    public void DottedHeadersNestAndEscapedDotsStayInTheName() =>
        Assert.Equal("""[{"a":{"b":1,"c":2},"d.e":3,"f":{"g":{"h":4}}}]""", Convert("a.b,a.c,d\\.e,f.g.h\n1,2,3,4"));

    [Fact]
    public void FlatKeysKeepsHeadersAsNames() =>
        Assert.Equal("""[{"a.b":1,"c":2}]""", Convert("a.b,c\n1,2", """{"flatKeys":true}"""));

    [Fact]
    public void BigIntegersStayExact() =>
        Assert.Equal("""[{"a":123456789012345678901234567890,"b":[9007199254740993],"c":-0.5}]""",
            Convert("a,b,c\n123456789012345678901234567890,[9007199254740993],-0.50"));

    [Fact]
    public void ShortRowsLeaveKeysOutAndExtraFieldsAreIgnored() =>
        Assert.Equal("""[{"a":1},{"a":1,"b":2}]""", Convert("a,b\n1\n1,2,3"));

    [Fact]
    public void UndefinedHidesAKeyAndOverwritesAnEarlierColumn() =>
        Assert.Equal("""[{}]""", Convert("a.b,a\n1,undefined"));

    [Fact]
    public void OptionsKeysHeaderFieldsTrimAndDelimiters()
    {
        Assert.Equal("""[{"a":1,"c":3}]""", Convert("a,b,c\n1,2,3", """{"keys":["a","c"]}"""));
        Assert.Equal("""[{"x":1,"y":{"z":2}}]""", Convert("1,2", """{"headerFields":["x","y.z"]}"""));
        Assert.Equal("""[{"a":{"b":1},"c":"x"}]""", Convert(" a . b , c \n 1 , x ", """{"trimHeaderFields":true,"trimFieldValues":true}"""));
        Assert.Equal("""[{"a":"x;y","b":"q'q"}]""", Convert("a;b|'x;y';'q''q'", """{"delimiter":{"field":";","wrap":"'","eol":"|"}}"""));
        Assert.Equal("""[{"a":1}]""", Convert("\uFEFFa\n1", """{"excelBOM":true}"""));
    }

    [Theory]
    [InlineData("", "[]")]
    [InlineData("a", "[]")]
    [InlineData("a\n", "[]")]
    [InlineData("a\n\n1", """[{"a":""},{"a":1}]""")]
    public void HeaderOnlyEmptyAndBlankLines(string csv, string expected) => Assert.Equal(expected, Convert(csv));

    [Fact]
    public void UnbalancedQuoteReportsTheLineItOpensOn()
    {
        var error = Assert.Throws<CsvFormatException>(() => Convert("a,b\n1,2\n3,\"open\nmore\n"));
        Assert.Equal(3, error.LineNumber);
        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonFieldWithALoneSurrogateEscapeIsAJsonCsvException() =>
        Assert.StartsWith("Invalid JSON", Assert.Throws<JsonCsvException>(() => Convert("a\n\"[\"\"\\ud800\"\"]\"")).Message, StringComparison.Ordinal);

    [Fact]
    public void TextAfterClosingQuoteIsAnError() =>
        Assert.Equal(2, Assert.Throws<CsvFormatException>(() => Convert("a,b\n\"x\"y,2")).LineNumber);
}
