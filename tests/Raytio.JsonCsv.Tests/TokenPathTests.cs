using System.Text.Json;

namespace Raytio.JsonCsv.Tests;

/// <summary>
/// Documents that json2csv's token-level passes hand over to the object tree (repeated and array-index names, key
/// paths through arrays, objects in columns, falsy parents, escapes); expected outputs are the tree path's, which
/// the differential tests check against json-2-csv.
/// </summary>
public sealed class TokenPathTests
{
    [Theory]
    [InlineData("[{\"a\":{\"b\":1},\"a\":2,\"c\":3},{\"a\":{\"b\":3},\"c\":{\"d\":1},\"c\":4}]", "{}", "a,c,a.b\n2,3,undefined\n\"{\"\"b\"\":3}\",4,3")]
    [InlineData("[{\"x\":{\"b\":1,\"1\":2,\"c\":{}}},{\"x\":{\"c\":{\"e\":1}}}]", "{}", "x.1,x.b,x.c,x.c.e\n2,1,{},undefined\nundefined,undefined,\"{\"\"e\"\":1}\",1")]
    [InlineData("[{\"a\":[{\"b\":1},{\"b\":2}],\"z\":1},{\"a\":{\"b\":3},\"z\":2}]", "{}", "a,z,a.b\n\"[{\"\"b\"\":1},{\"\"b\"\":2}]\",1,\"[1,2]\"\n\"{\"\"b\"\":3}\",2,3")]
    [InlineData("[{\"a\":1},{\"a\":{}},{\"a\":{\"b\":1}},{\"a\":[]},{\"a\":[{}]}]", "{}", "a,a.b\n1,undefined\n{},undefined\n\"{\"\"b\"\":1}\",1\n[],[]\n[{}],[null]")]
    [InlineData("[{\"a\":{\"b\":1}},{\"a\":0},{\"a\":\"\"},{\"a\":\"x\"},{\"a\":null},{\"a\":false},{\"a\":true},{},{\"a\":-0.0},{\"a\":0e5},{\"a\":1e-400}]", "{}", "a.b,a\n1,\"{\"\"b\"\":1}\"\nnull,0\nnull,\nundefined,x\nnull,null\nnull,false\nundefined,true\nnull,undefined\nnull,0\nnull,0\nundefined,1e-400")]
    [InlineData("[{\"\\u0061\":1,\"b\\\"c\":\"q\\\"r\\\\s\",\"t\":[\"x\\\"y\",\"\\u00e9\\ud83d\\ude00\",[1,[2,[]]],1.50,null,true,false,\"a,b\\n\"]}]", "{}", "a,\"b\"\"c\",t\n1,\"q\"\"r\\s\",\"[\"\"x\\\"\"y\"\",\"\"\u00e9\ud83d\ude00\"\",[1,[2,[]]],1.5,null,true,false,\"\"a,b\\n\"\"]\"")]
    [InlineData("[{\"a\":{\"b\":1},\"skip\":{\"x\":1},\"skip\":[1,{\"y\":2}],\"n\":12345678901234567890,\"m\":1e400}]", "{}", "a.b,skip,n,m\n1,\"[1,{\"\"y\"\":2}]\",12345678901234567890,1e400")]
    [InlineData("[{\"a\":1,\"b\":2},{\"b\":3,\"a\":{\"c\":[1,2]}}]", "{\"keys\":[\"a.c\",\"b\",\"a\",\"a\",\"a.c.0\"]}", "a.c,b,a,a,a.c.0\nundefined,2,1,1,undefined\n\"[1,2]\",3,\"{\"\"c\"\":[1,2]}\",\"{\"\"c\"\":[1,2]}\",1")]
    [InlineData("[{\"a\":{\"b\":1}},{\"a\":{\"b\":{\"c\":2}}},{\"a\":{\"b\":[3]}}]", "{\"expandNestedObjects\":false}", "a\n\"{\"\"b\"\":1}\"\n\"{\"\"b\"\":{\"\"c\"\":2}}\"\n\"{\"\"b\"\":[3]}\"")]
    [InlineData("[{\"a.b\":1,\"a\":{\"b\":2}}]", "{\"sortHeader\":true}", "a.b,a\\.b\n2,1")]
    public void MatchesTreePath(string json, string options, string expected) =>
        Assert.Equal(expected, JsonToCsv.Convert(json, Json2CsvOptions.FromJson(JsonDocument.Parse(options).RootElement)));
}
