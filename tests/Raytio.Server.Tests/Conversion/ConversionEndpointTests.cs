using System.Net;
using System.Text;
using System.Text.Json;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Conversion;

/// <summary>Operations 113-114 over HTTP; the converter itself is tested in Raytio.JsonCsv.Tests.</summary>
public sealed class ConversionEndpointTests(ConversionEndpointTests.SmallLimitsFactory app) : IClassFixture<ConversionEndpointTests.SmallLimitsFactory>
{
    private const string Rows = """[{"a":1,"b":{"c":"x"}},{"a":2,"d":true}]""";

    [Fact]
    public async Task Json2csv_answers_json_2_csv_output_as_text_csv()
    {
        var token = await TokenAsync();
        var response = await app.SendJsonTextAsync(HttpMethod.Post, "/json2csv/v1/json2csv", $$"""{"json":{{Rows}}}""", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("a,b.c,d\n1,x,undefined\n2,null,true", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Json2csv_takes_json_2_csv_options_and_a_bare_array()
    {
        var token = await TokenAsync();
        var withOptions = await app.SendJsonTextAsync(HttpMethod.Post, "/json2csv/v1/json2csv", $$$"""{"json":{{{Rows}}},"options":{"delimiter":{"field":";"},"excludeKeys":["d"]}}""", token);
        Assert.Equal("a;b.c\n1;x\n2;null", await withOptions.Content.ReadAsStringAsync());

        var bare = await app.SendJsonTextAsync(HttpMethod.Post, "/json2csv/v1/json2csv", Rows, token);
        Assert.Equal("a,b.c,d\n1,x,undefined\n2,null,true", await bare.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("""{"json":{"a":1}}""", "validation_failed", "json")]
    [InlineData("""{"rows":[]}""", "validation_failed", "rows")]
    [InlineData("""{"json":[{"a":1}],"options":{"nope":true}}""", "validation_failed", "options.nope")]
    [InlineData("""{"json":[{"a":1}],"options":{"sortHeader":"yes"}}""", "validation_failed", "options.sortHeader")]
    public async Task Json2csv_names_what_is_wrong(string body, string code, string field)
    {
        var response = await app.SendJsonTextAsync(HttpMethod.Post, "/json2csv/v1/json2csv", body, await TokenAsync());
        var error = await response.AssertErrorAsync(HttpStatusCode.BadRequest, code);
        Assert.True(error.GetProperty("errors").TryGetProperty(field, out _), error.GetRawText());
    }

    [Theory]
    [InlineData("""[1,2]""", "invalid_input")]
    [InlineData("""{"json":[1,2]}""", "invalid_input")]
    [InlineData("""42""", "validation_failed")]
    public async Task Json2csv_refuses_rows_that_are_not_objects(string body, string code)
    {
        var response = await app.SendJsonTextAsync(HttpMethod.Post, "/json2csv/v1/json2csv", body, await TokenAsync());
        var error = await response.AssertErrorAsync(HttpStatusCode.BadRequest, code);
        Assert.Contains("object", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Csv2json_parses_quoted_fields_nested_headers_and_keeps_big_integers_exact()
    {
        var token = await TokenAsync();
        const string csv = "id,name.first,n\n1,\"Smith, \"\"J\"\"\",12345678901234567890\n";
        var wrapped = await (await app.SendJsonTextAsync(HttpMethod.Post, "/json2csv/v1/csv2json", JsonSerializer.Serialize(new { csv }), token)).AssertOkAsync();
        var raw = await (await app.SendAsync(HttpMethod.Post, "/json2csv/v1/csv2json", new StringContent(csv, Encoding.UTF8, "text/csv"), token)).AssertOkAsync();

        foreach (var result in new[] { wrapped, raw })
        {
            var row = Assert.Single(result.EnumerateArray());
            Assert.Equal(1, row.GetProperty("id").GetInt32());
            Assert.Equal("Smith, \"J\"", row.GetProperty("name").GetProperty("first").GetString());
            var big = row.GetProperty("n");
            Assert.Equal(JsonValueKind.Number, big.ValueKind);
            Assert.True(big.TryGetUInt64(out var exact), big.GetRawText());
            Assert.Equal(12345678901234567890UL, exact);
        }
    }

    [Theory]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("\"a,b\"")]
    [InlineData("{\"csv\":5}")]
    public async Task Csv2json_refuses_json_bodies_that_are_not_the_wrapper(string body)
    {
        var response = await app.SendJsonTextAsync(HttpMethod.Post, "/json2csv/v1/csv2json", body, await TokenAsync());
        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Csv2json_reports_an_unbalanced_quote_with_its_line()
    {
        var response = await app.SendAsync(HttpMethod.Post, "/json2csv/v1/csv2json", new StringContent("a,b\n1,2\n3,\"open\n", Encoding.UTF8, "text/csv"), await TokenAsync());
        var error = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "malformed_csv");
        Assert.Contains("line", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Wrapped_bodies_over_their_limit_are_413_but_the_same_input_bare_streams()
    {
        var token = await TokenAsync();
        var rows = "[" + string.Join(",", Enumerable.Range(0, 100).Select(i => $$"""{"id":{{i}},"name":"row {{i}}"}""")) + "]";
        await (await app.SendJsonTextAsync(HttpMethod.Post, "/json2csv/v1/json2csv", $$"""{"json":{{rows}}}""", token)).AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");

        var bare = await app.SendJsonTextAsync(HttpMethod.Post, "/json2csv/v1/json2csv", rows, token);
        Assert.Equal(HttpStatusCode.OK, bare.StatusCode);
        Assert.Equal(101, (await bare.Content.ReadAsStringAsync()).Split('\n').Length);
    }

    [Fact]
    public async Task Bare_bodies_over_the_streaming_limit_are_413()
    {
        var rows = "[" + string.Join(",", Enumerable.Range(0, 2000).Select(i => $$"""{"id":{{i}}}""")) + "]";
        await (await app.SendJsonTextAsync(HttpMethod.Post, "/json2csv/v1/json2csv", rows, await TokenAsync()))
            .AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Fact]
    public async Task Wrong_media_types_are_415_and_anonymous_callers_401()
    {
        var token = await TokenAsync();
        await (await app.SendAsync(HttpMethod.Post, "/json2csv/v1/json2csv", new StringContent("a,b", Encoding.UTF8, "text/csv"), token))
            .AssertErrorAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        await (await app.SendJsonTextAsync(HttpMethod.Post, "/json2csv/v1/json2csv", Rows, null)).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await app.SendJsonTextAsync(HttpMethod.Post, "/json2csv/v1/csv2json", """{"csv":"a\n1"}""", null)).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    private async Task<string> TokenAsync() => (await app.CreateSignedInUserAsync()).Tokens.IdentityToken;

    /// <summary>Small limits so that both 413 paths are reachable with small bodies.</summary>
    public sealed class SmallLimitsFactory : RaytioFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
        [
            new("Raytio:Convert:MaxWrappedBytes", "2000"),
            new("Raytio:Convert:MaxStreamingBytes", "20000"),
        ];
    }
}
