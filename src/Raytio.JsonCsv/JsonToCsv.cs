using Raytio.JsonCsv.Json;
using Raytio.JsonCsv.JsonToCsvCore;

namespace Raytio.JsonCsv;

/// <summary>Converts a JSON array of objects to CSV with json-2-csv's output format and options.</summary>
public static class JsonToCsv
{
    /// <summary>
    /// Streams the conversion. When the columns must be detected (no explicit <c>keys</c>, a wildcard key, or
    /// checkSchemaDifferences), the input is read twice; a non-seekable input is first spooled to a temporary file.
    /// </summary>
    public static async Task ConvertAsync(Stream jsonArrayUtf8, Stream csvOut, Json2CsvOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!ColumnPlanner.NeedsDetection(options) && !options.CheckSchemaDifferences)
        {
            var columns = ColumnPlanner.Plan(options, detected: null);
            await WriteAsync(new LimitedReadStream(jsonArrayUtf8, options.MaxInputBytes), csvOut, options, columns, ct).ConfigureAwait(false);
            return;
        }
        await using var input = await SeekableInput.OpenAsync(jsonArrayUtf8, options.MaxInputBytes, ct).ConfigureAwait(false);
        var detected = await DetectKeysAsync(input.Stream, options, ct).ConfigureAwait(false);
        input.Rewind();
        await WriteAsync(input.Stream, csvOut, options, ColumnPlanner.Plan(options, detected), ct).ConfigureAwait(false);
    }

    public static string Convert(string jsonArray, Json2CsvOptions? options = null)
    {
        using var input = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(jsonArray));
        using var output = new MemoryStream();
        // Memory streams complete synchronously, so waiting here cannot deadlock.
        ConvertAsync(input, output, options ?? new Json2CsvOptions(), CancellationToken.None).GetAwaiter().GetResult();
        return System.Text.Encoding.UTF8.GetString(output.GetBuffer(), 0, (int)output.Length);
    }

    private static async Task<OrderedKeySet> DetectKeysAsync(Stream input, Json2CsvOptions options, CancellationToken ct)
    {
        var keys = new OrderedKeySet();
        OrderedKeySet? firstSchema = null;
        await foreach (var document in new JsonArrayRowReader(input).ReadRowsAsync(ct).ConfigureAwait(false))
        {
            if (options.CheckSchemaDifferences)
            {
                CheckSchema(document, options, ref firstSchema);
            }
            var rows = options.UnwindArrays ? ArrayUnwinder.Unwind(document, options.ExcludeKeys) : [document];
            foreach (var row in rows)
            {
                KeyCollector.Collect(row, options.ExpandNestedObjects, options.ExpandArrayObjects, keys);
            }
        }
        return keys;
    }

    private static void CheckSchema(JsNode document, Json2CsvOptions options, ref OrderedKeySet? firstSchema)
    {
        var schema = new OrderedKeySet();
        KeyCollector.Collect(document, options.ExpandNestedObjects, options.ExpandArrayObjects, schema);
        firstSchema ??= schema;
        if (!schema.SetEquals(firstSchema))
        {
            throw new JsonCsvException("Not all documents have the same schema.");
        }
    }

    private static async Task WriteAsync(Stream input, Stream output, Json2CsvOptions options, List<Column> columns, CancellationToken ct)
    {
        var sink = new TextSink(output);
        var writer = new CsvDocumentWriter(options, columns, sink);
        writer.WriteStart();
        await foreach (var document in new JsonArrayRowReader(input).ReadRowsAsync(ct).ConfigureAwait(false))
        {
            writer.WriteDocument(document);
            await sink.FlushIfFullAsync(ct).ConfigureAwait(false);
        }
        await sink.CompleteAsync(ct).ConfigureAwait(false);
    }
}
