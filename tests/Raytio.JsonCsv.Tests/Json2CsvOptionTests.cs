using System.Text.Json;

namespace Raytio.JsonCsv.Tests;

/// <summary>One test per json2csv option; expected outputs are what json-2-csv 5.6.0 gives for the same input.</summary>
public sealed class Json2CsvOptionTests
{
    private const string Nested = """[{"a":1,"b":"x"},{"b":"y","c":{"d":1,"e":{"f":2}}},{"a":null,"c":{"d":[1,2,"q"]}}]""";

    private static string Convert(string json, string options = "{}") =>
        JsonToCsv.Convert(json, Json2CsvOptions.FromJson(JsonDocument.Parse(options).RootElement));

    [Fact]
    public void DefaultsFlattenNestedKeysAndRenderMissingNullAndArrays() =>
        Assert.Equal("a,b,c.d,c.e.f\n1,x,null,null\nundefined,y,1,2\nnull,undefined,\"[1,2,\"\"q\"\"]\",null", Convert(Nested));

    [Fact]
    public void DefaultsQuoteDelimitersQuotesAndLineBreaks() =>
        Assert.Equal("s,t,u,v,w,x\n\"he said \"\"hi\"\"\",\"a,b\",\"line\nbreak\",\"cr\rx\", sp ,",
            Convert("""[{"s":"he said \"hi\"","t":"a,b","u":"line\nbreak","v":"cr\rx","w":" sp ","x":""}]"""));

    [Fact]
    public void DefaultsRenderEmptyContainersBooleansAndNumbersLikeJavaScript() =>
        Assert.Equal("a,b,c,d,e,f,g,h\n[],{},true,false,1.5e+300,0,0.1,1e-7",
            Convert("""[{"a":[],"b":{},"c":true,"d":false,"e":1.5e300,"f":-0,"g":0.1,"h":1e-7}]"""));

    [Fact]
    public void IntegerLikeKeysComeFirstAsInJavaScript() =>
        Assert.Equal("2,10,b,a\n6,5,1,2", Convert("""[{"b":1,"a":2,"10":5,"2":6}]"""));

    [Fact]
    public void Keys() =>
        Assert.Equal("e.f,a.b,zz,d\n\"{\"\"g\"\":1}\",1,undefined,3", Convert("""[{"a":{"b":1,"c":2},"d":3,"e":{"f":{"g":1}}}]""", """{"keys":["e.f","a.b","zz","d"]}"""));

    [Fact]
    public void KeysWithTitleAndWildcard() =>
        Assert.Equal("a.b,a.c,D\n1,2,3", Convert("""[{"a":{"b":1,"c":2},"d":3}]""", """{"keys":[{"field":"a","wildcardMatch":true},{"field":"d","title":"D"}]}"""));

    [Fact]
    public void ExcludeKeys() =>
        Assert.Equal("a.c,ab\n2,3", Convert("""[{"a":{"b":1,"c":2},"ab":3,"d":4}]""", """{"excludeKeys":["a.b","d"]}"""));

    [Fact]
    public void SortHeader() =>
        Assert.Equal("10,2,B,_,a,b\n5,6,3,4,2,1", Convert("""[{"b":1,"a":2,"B":3,"_":4,"10":5,"2":6}]""", """{"sortHeader":true}"""));

    [Fact]
    public void PrependHeader() =>
        Assert.Equal("1\nundefined", Convert("""[{"a":1},{}]""", """{"prependHeader":false}"""));

    [Fact]
    public void ExpandNestedObjects() =>
        Assert.Equal("a,b,c\n1,x,undefined\nundefined,y,\"{\"\"d\"\":1,\"\"e\"\":{\"\"f\"\":2}}\"\nnull,undefined,\"{\"\"d\"\":[1,2,\"\"q\"\"]}\"",
            Convert(Nested, """{"expandNestedObjects":false}"""));

    [Fact]
    public void ExpandArrayObjects() =>
        Assert.Equal("a.b,a.c\n\"[1,2]\",3", Convert("""[{"a":[{"b":1},{"b":2,"c":3}]}]""", """{"expandArrayObjects":true}"""));

    [Fact]
    public void UnwindArrays() =>
        Assert.Equal("x,a.b,a.c\n1,1,1\n1,1,2\n1,2,undefined", Convert("""[{"x":1,"a":[{"b":1,"c":[1,2]},{"b":2}]}]""", """{"unwindArrays":true}"""));

    [Fact]
    public void UnwindArraysGivesCrossProductInKeyOrder() =>
        Assert.Equal("x.a,y\n1,5\n2,5\n1,6\n2,6\n3,5\n3,6", Convert("""[{"x":[{"a":[1,2]},{"a":3}],"y":[5,6]}]""", """{"unwindArrays":true}"""));

    [Theory]
    [InlineData("\"E\"", "a,b,c\nE,E,[]\nE,E,E")]
    [InlineData("null", "a,b,c\nnull,null,[]\nnull,null,null")]
    [InlineData("5", "a,b,c\n5,5,[]\n5,5,5")]
    public void EmptyFieldValue(string value, string expected) =>
        Assert.Equal(expected, Convert("""[{"a":"","b":null,"c":[]},{}]""", $$"""{"emptyFieldValue":{{value}}}"""));

    [Fact]
    public void EscapeHeaderNestedDots()
    {
        Assert.Equal("a\\.b,a.b\n1,2", Convert("""[{"a.b":1,"a":{"b":2}}]"""));
        Assert.Equal("a.b,a.b\n1,2", Convert("""[{"a.b":1,"a":{"b":2}}]""", """{"escapeHeaderNestedDots":false}"""));
    }

    [Fact]
    public void TrimHeaderFieldsTrimsEachDottedPart() =>
        Assert.Equal("k,a \\.b,x.y\n1,2,3", Convert("""[{" k ":1," a . b ":2,"x":{" y ":3}}]""", """{"trimHeaderFields":true}"""));

    [Fact]
    public void TrimFieldValuesTrimsStringsAndStringsInArrays() =>
        Assert.Equal("a,b,c.d, k \nx,\"[\"\"y\"\"]\",z,v", Convert("""[{"a":" x ","b":[" y "],"c":{"d":" z "}," k ":" v "}]""", """{"trimFieldValues":true}"""));

    [Fact]
    public void UseDateIso8601FormatLeavesDateStringsAsTheyAre() =>
        Assert.Equal("d,e\n2020-01-01T00:00:00Z,Jan 1 2020", Convert("""[{"d":"2020-01-01T00:00:00Z","e":"Jan 1 2020"}]""", """{"useDateIso8601Format":true}"""));

    [Fact]
    public void Delimiters() =>
        Assert.Equal("a;b;c;d\r\n1;'x;y';'q''q';\"", Convert("""[{"a":1,"b":"x;y","c":"q'q","d":"\""}]""", """{"delimiter":{"field":";","wrap":"'","eol":"\r\n"}}"""));

    [Fact]
    public void ExcelBom() =>
        Assert.Equal("\uFEFFa\n1", Convert("""[{"a":1}]""", """{"excelBOM":true}"""));

    [Fact]
    public void PreventCsvInjection() =>
        Assert.Equal("a,b,c,d,e,f,g\n-5,1, -x,x=1,a,-1,\"[\"\"x\"\"]\"",
            Convert("""[{"a":-5,"b":"==1","c":"- -x","d":"x=1","e":" =a","f":"-1","g":["=x"]}]""", """{"preventCsvInjection":true}"""));

    [Fact]
    public void CheckSchemaDifferences()
    {
        Assert.Equal("a,b\n1,2\n3,1", Convert("""[{"a":1,"b":2},{"b":1,"a":3}]""", """{"checkSchemaDifferences":true}"""));
        var error = Assert.Throws<JsonCsvException>(() => Convert("""[{"a":1,"b":2},{"a":1}]""", """{"checkSchemaDifferences":true}"""));
        Assert.Contains("same schema", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WrapBooleans() =>
        Assert.Equal("a,b,c\n\"true\",\"false\",True", Convert("""[{"a":true,"b":"false","c":"True"}]""", """{"wrapBooleans":true}"""));

    [Fact]
    public void EmptyArrayGivesHeaderLineOnly() => Assert.Equal("\n", Convert("[]"));
}
