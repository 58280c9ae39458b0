using System.Text;

namespace Raytio.JsonCsv.Tests;

public sealed class StreamingTests
{
    /// <summary>Rows with a key appearing only at the end, so the header needs every row, larger than any buffer.</summary>
    private static string ManyRows(int count) =>
        "[" + string.Join(",", Enumerable.Range(0, count).Select(i => i == count - 1 ? $$"""{"id":{{i}},"late":"x"}""" : $$"""{"id":{{i}},"name":"row {{i}}, \"q\""}""")) + "]";

    private static async Task<string> ConvertJsonAsync(Stream input, Json2CsvOptions options)
    {
        using var output = new MemoryStream();
        await JsonToCsv.ConvertAsync(input, output, options, CancellationToken.None);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    [Fact]
    public async Task NonSeekableInputIsSpooledAndGivesTheSameCsv()
    {
        var json = ManyRows(100_000);
        var expected = JsonToCsv.Convert(json);
        var actual = await ConvertJsonAsync(new NonSeekableStream(new MemoryStream(Encoding.UTF8.GetBytes(json))), new Json2CsvOptions());
        Assert.Equal(expected, actual);
        Assert.StartsWith("id,name,late\n", actual, StringComparison.Ordinal);
    }

    /// <summary>CSV is written before the input has ended: neither a detection pass nor spooling waited for all of it.</summary>
    [Fact]
    public async Task ExplicitKeysConvertInOnePass()
    {
        var json = Encoding.UTF8.GetBytes(ManyRows(20_000));
        var input = new GatedStream(json[..^1], json[^1..]);
        using var output = new FirstWriteSignallingStream();
        var conversion = JsonToCsv.ConvertAsync(input, output, new Json2CsvOptions { Keys = [new KeySpec("id")] }, CancellationToken.None);
        try
        {
            await output.FirstWrite.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            input.Release();
        }
        await conversion;
        Assert.Equal(20_001, Encoding.UTF8.GetString(output.ToArray()).Split('\n').Length);
    }

    [Fact]
    public async Task ObjectLargerThanTheReadBufferIsRead()
    {
        var big = new string('x', 3_000_000);
        var csv = await ConvertJsonAsync(new NonSeekableStream(new MemoryStream(Encoding.UTF8.GetBytes($$"""[{"a":"{{big}}"},{"a":1}]"""))), new Json2CsvOptions());
        Assert.Equal($"a\n{big}\n1", csv);
    }

    /// <summary>Reads of a few bytes end the buffered input inside every kind of token, in both passes.</summary>
    [Theory]
    [InlineData("{}")]
    [InlineData("""{"keys":["id","o.n","o.s","t","x"]}""")]
    public async Task ObjectsSplitAcrossReadsGiveTheSameCsv(string optionsJson)
    {
        var options = Json2CsvOptions.FromJson(System.Text.Json.JsonDocument.Parse(optionsJson).RootElement);
        var json = "[" + string.Join(",", Enumerable.Range(0, 300).Select(i => i % 7 == 3
            ? $$"""{"id":{{i}},"id":"again","0":1}"""
            : $$$"""{"id":{{{i}}},"o":{"n":{{{i}}}.25e1,"s":"caf\u00e9 \"{{{i}}}\", 😀","e":{}},"t":[{{{i}}},["x"],null,true],"x":{{{-i}}}}""")) + "]";
        var csv = await ConvertJsonAsync(new TrickleStream(Encoding.UTF8.GetBytes(json), maxRead: 7), options);
        Assert.Equal(JsonToCsv.Convert(json, options), csv);
    }

    [Fact]
    public async Task Csv2JsonStreamsRecordsLongerThanTheBuffer()
    {
        var big = new string('y', 200_000);
        var csv = $"a,b\n\"{big}\n\",2\n3,4";
        using var output = new MemoryStream();
        await CsvToJson.ConvertAsync(new NonSeekableStream(new MemoryStream(Encoding.UTF8.GetBytes(csv))), output, new Csv2JsonOptions(), CancellationToken.None);
        Assert.Equal($$"""[{"a":"{{big}}\n","b":2},{"a":3,"b":4}]""", Encoding.UTF8.GetString(output.ToArray()));
    }

    [Fact]
    public async Task InputLargerThanTheLimitIsRejected()
    {
        var json = Encoding.UTF8.GetBytes(ManyRows(100));
        var seekable = await Assert.ThrowsAsync<JsonCsvInputTooLargeException>(() => ConvertJsonAsync(new MemoryStream(json), new Json2CsvOptions { MaxInputBytes = 100 }));
        Assert.Contains("larger than 100 bytes", seekable.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<JsonCsvInputTooLargeException>(() => ConvertJsonAsync(new NonSeekableStream(new MemoryStream(json)), new Json2CsvOptions { MaxInputBytes = 100 }));
        await Assert.ThrowsAsync<JsonCsvInputTooLargeException>(() => CsvToJson.ConvertAsync(
            new MemoryStream(Encoding.UTF8.GetBytes("a\n" + new string('1', 1000))), Stream.Null, new Csv2JsonOptions { MaxInputBytes = 100 }, CancellationToken.None));
    }

    [Theory]
    [InlineData("{\"a\":1}", "must be an array")]
    [InlineData("[{\"a\":1},5]", "item 1 is a number")]
    [InlineData("[{\"a\":1}", "Invalid JSON")]
    [InlineData("[{\"a\":1}] x", "Invalid JSON")]
    [InlineData("", "Invalid JSON")]
    public void MalformedJsonInputsNameTheProblem(string json, string message) =>
        Assert.Contains(message, Assert.ThrowsAny<JsonCsvException>(() => JsonToCsv.Convert(json)).Message, StringComparison.Ordinal);

    /// <summary>Text that cannot be decoded is bad input in names and values, on the token path and on the tree path.</summary>
    [Theory]
    [InlineData("[{\"a\":\"#\"}]", "{}")]
    [InlineData("[{\"#\":1}]", "{}")]
    [InlineData("[{\"a\":\"#\"}]", "{\"wrapBooleans\":true}")]
    [InlineData("[{\"#\":1}]", "{\"unwindArrays\":true}")]
    [InlineData("[{\"a\":\"\\ud800\"}]", "{}")]
    [InlineData("[{\"\\udc00\":1}]", "{\"unwindArrays\":true}")]
    public async Task UndecodableTextIsAJsonCsvException(string json, string optionsJson)
    {
        // '#' stands for two bytes that are not UTF-8.
        byte[] bytes = [.. Encoding.UTF8.GetBytes(json).SelectMany(b => b == (byte)'#' ? [0xC3, 0x28] : new[] { b })];
        var options = Json2CsvOptions.FromJson(System.Text.Json.JsonDocument.Parse(optionsJson).RootElement);
        var error = await Assert.ThrowsAsync<JsonCsvException>(() => ConvertJsonAsync(new MemoryStream(bytes), options));
        Assert.StartsWith("Invalid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SurrogatePairsAcrossOutputChunksStayIntact()
    {
        var text = string.Concat(Enumerable.Repeat("😀", 70_000));
        Assert.Equal($"a\n{text}", JsonToCsv.Convert($$"""[{"a":"{{text}}"}]"""));
    }
}
