using System.Text;
using System.Text.Json;
using Raytio.JsonCsv.Json;
using Raytio.JsonCsv.JsonToCsvCore;

namespace Raytio.JsonCsv.Tests;

/// <summary>Only bad input becomes a <see cref="JsonCsvException"/> (a 400 in the server); a fault of our own code keeps its type.</summary>
public sealed class RowReaderErrorTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ReaderMisuseByOurCodeIsNotReportedAsBadInput(bool checkedString)
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ReadAsync("""[{"a":"x"}]""", new StringOfStartObjectHandler(checkedString)));
        Assert.Contains("StartObject", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedJsonIsReportedAsBadInput()
    {
        var error = await Assert.ThrowsAsync<JsonCsvException>(() => ReadAsync("""[{"a":x}]""", new TreeRowHandler(shapeOnly: false)));
        Assert.StartsWith("Invalid JSON", error.Message, StringComparison.Ordinal);
    }

    private static Task ReadAsync(string json, IJsonRowHandler handler) =>
        new JsonArrayRowReader(new MemoryStream(Encoding.UTF8.GetBytes(json))).ReadAsync(handler, static _ => ValueTask.CompletedTask, CancellationToken.None);

    /// <summary>A bug: asks the reader for the string of the object's start token, which throws InvalidOperationException.</summary>
    private sealed class StringOfStartObjectHandler(bool checkedString) : IJsonRowHandler
    {
        public bool TryReadRow(ref Utf8JsonReader reader)
        {
            _ = checkedString ? reader.GetCheckedString() : reader.GetString();
            return true;
        }
    }
}
