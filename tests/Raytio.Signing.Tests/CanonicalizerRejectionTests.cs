using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Raytio.Signing.Tests;

public class CanonicalizerRejectionTests
{
    [Theory]
    [InlineData("\"\\ud800\"", "\\ud800")]
    [InlineData("\"\\udc00\"", "\\udc00")]
    [InlineData("\"a\\ud800b\"", "\\ud800")]
    [InlineData("\"\\ude00\\ud83d\"", "\\ude00")]
    [InlineData("\"\\ud83d\\u0041\"", "\\ud83d")]
    [InlineData("{\"\\udbff\":1}", "\\udbff")]
    public void Lone_surrogate_escapes_are_rejected_with_a_clear_message(string json, string surrogate)
    {
        var error = Assert.Throws<CanonicalizationException>(() => JsonCanonicalizer.Canonicalize(Encoding.UTF8.GetBytes(json)));

        Assert.Contains("lone surrogate " + surrogate, error.Message);
    }

    [Fact]
    public void Escaped_surrogate_pair_is_decoded_to_literal_utf8()
    {
        Assert.Equal("\"\U0001F600\""u8.ToArray(), JsonCanonicalizer.Canonicalize("\"\\ud83d\\ude00\""u8));
    }

    [Theory]
    [InlineData(new byte[] { 0x22, 0xC3, 0x28, 0x22 })]
    [InlineData(new byte[] { 0x22, 0xC0, 0xAF, 0x22 })]
    [InlineData(new byte[] { 0x22, 0xED, 0xA0, 0x80, 0x22 })]
    public void Invalid_utf8_is_rejected(byte[] json)
    {
        var error = Assert.Throws<CanonicalizationException>(() => JsonCanonicalizer.Canonicalize(json));

        Assert.Contains("not valid UTF-8", error.Message);
    }

    [Theory]
    [InlineData("{\"a\":1,\"a\":2}")]
    [InlineData("{\"b\":0,\"a\":1,\"\\u0061\":2}")]
    [InlineData("[{\"x\":{\"k\":1,\"k\":1}}]")]
    public void Duplicate_keys_are_rejected(string json)
    {
        var error = Assert.Throws<CanonicalizationException>(() => JsonCanonicalizer.Canonicalize(Encoding.UTF8.GetBytes(json)));

        Assert.Contains("Duplicate key", error.Message);
    }

    [Theory]
    [InlineData("1e309")]
    [InlineData("-1e400")]
    [InlineData("[1.8e308]")]
    public void Numbers_that_overflow_to_infinity_are_rejected(string json)
    {
        var error = Assert.Throws<CanonicalizationException>(() => JsonCanonicalizer.Canonicalize(Encoding.UTF8.GetBytes(json)));

        Assert.Contains("outside the IEEE 754 double range", error.Message);
    }

    [Theory]
    [InlineData("1e-400", "0")]
    [InlineData("-1e-400", "0")]
    [InlineData("-0", "0")]
    [InlineData("-0.0e5", "0")]
    [InlineData("100000000000000000000", "100000000000000000000")]
    [InlineData("1E21", "1e+21")]
    [InlineData("0.0000001", "1e-7")]
    [InlineData("0.000001", "0.000001")]
    [InlineData("9007199254740993", "9007199254740992")]
    [InlineData("123456789012345", "123456789012345")]
    [InlineData("-123456789012345678", "-123456789012345680")]
    public void Number_edge_cases_follow_ecmascript(string json, string expected)
    {
        Assert.Equal(expected, Encoding.UTF8.GetString(JsonCanonicalizer.Canonicalize(Encoding.UTF8.GetBytes(json))));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[1,]")]
    [InlineData("{\"a\":1} x")]
    [InlineData("NaN")]
    [InlineData("// comment\n1")]
    [InlineData("'single'")]
    public void Invalid_json_is_rejected(string json)
    {
        var error = Assert.Throws<CanonicalizationException>(() => JsonCanonicalizer.Canonicalize(Encoding.UTF8.GetBytes(json)));

        Assert.StartsWith("Invalid JSON", error.Message);
    }

    [Fact]
    public void Nesting_up_to_the_documented_limit_is_accepted_and_beyond_it_rejected()
    {
        var deepest = new string('[', JsonCanonicalizer.MaxDepth) + new string(']', JsonCanonicalizer.MaxDepth);
        var tooDeep = "[" + deepest + "]";

        Assert.Equal(Encoding.ASCII.GetBytes(deepest), JsonCanonicalizer.Canonicalize(Encoding.ASCII.GetBytes(deepest)));
        var error = Assert.Throws<CanonicalizationException>(() => JsonCanonicalizer.Canonicalize(Encoding.ASCII.GetBytes(tooDeep)));
        Assert.Contains("depth of 1000", error.Message);
    }

    [Fact]
    public void Deeply_nested_objects_are_sorted_at_every_level()
    {
        var json = new StringBuilder();
        for (var i = 0; i < JsonCanonicalizer.MaxDepth - 1; i++)
        {
            json.Append("{\"z\":0,\"a\":");
        }
        json.Append("{}").Append('}', JsonCanonicalizer.MaxDepth - 1);

        var canonical = Encoding.UTF8.GetString(JsonCanonicalizer.Canonicalize(Encoding.UTF8.GetBytes(json.ToString())));

        Assert.StartsWith("{\"a\":{\"a\":", canonical);
        Assert.EndsWith("},\"z\":0},\"z\":0}", canonical);
    }

    [Fact]
    public async Task Element_node_string_and_stream_inputs_agree()
    {
        const string json = """{ "b": [1.0, "\u00e9\n"], "a": {"y": null, "x": true} }""";
        var expected = """{"a":{"x":true,"y":null},"b":[1,"é\n"]}"""u8.ToArray();

        Assert.Equal(expected, JsonCanonicalizer.Canonicalize(json));
        Assert.Equal(expected, JsonCanonicalizer.Canonicalize(JsonDocument.Parse(json).RootElement));
        Assert.Equal(expected, JsonCanonicalizer.Canonicalize(JsonNode.Parse(json)));
        Assert.Equal(expected, await JsonCanonicalizer.CanonicalizeAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), CancellationToken.None));
    }

    [Fact]
    public void Nested_element_is_canonicalized_on_its_own()
    {
        using var document = JsonDocument.Parse("""{"outer": {"b": 2, "a": 1}}""");

        Assert.Equal("""{"a":1,"b":2}"""u8.ToArray(), JsonCanonicalizer.Canonicalize(document.RootElement.GetProperty("outer")));
    }

    [Fact]
    public void Lone_surrogates_are_rejected_from_every_input_kind()
    {
        Assert.Throws<CanonicalizationException>(() => JsonCanonicalizer.Canonicalize(JsonDocument.Parse("[\"\\ud800\"]").RootElement));
        Assert.Throws<CanonicalizationException>(() => JsonCanonicalizer.Canonicalize(new JsonArray(JsonValue.Create("\ud800"))));
        Assert.Throws<CanonicalizationException>(() => JsonCanonicalizer.Canonicalize(new JsonObject { ["\udc00"] = 1 }));
        Assert.Throws<CanonicalizationException>(() => JsonCanonicalizer.Canonicalize(JsonNode.Parse("[\"\\ud800\"]")));
        Assert.Throws<CanonicalizationException>(() => JsonCanonicalizer.Canonicalize("\"\ud800\""));
    }
}
