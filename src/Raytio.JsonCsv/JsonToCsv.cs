using Raytio.JsonCsv.Json;
using Raytio.JsonCsv.JsonToCsvCore;

namespace Raytio.JsonCsv;

/// <summary>Converts a JSON array of objects to CSV with json-2-csv's output format and options.</summary>
public static class JsonToCsv
{
    /// <summary>
    /// Streams the conversion. When the columns must be detected (no explicit <c>keys</c>, a wildcard key,
    /// checkSchemaDifferences or unwindArrays), the input is read more than once; a non-seekable input is first
    /// spooled to a temporary file. Memory holds one document at a time.
    /// </summary>
    public static Task ConvertAsync(Stream jsonArrayUtf8, Stream csvOut, Json2CsvOptions options, CancellationToken ct) =>
        ConvertAsync(jsonArrayUtf8, csvOut, options, useTokenPaths: true, ct);

    /// <param name="useTokenPaths">False parses every document into an object tree, so tests can compare the token-level passes with it.</param>
    internal static async Task ConvertAsync(Stream jsonArrayUtf8, Stream csvOut, Json2CsvOptions options, bool useTokenPaths, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!ColumnPlanner.NeedsDetection(options) && !options.CheckSchemaDifferences && !options.UnwindArrays)
        {
            var columns = ColumnPlanner.Plan(options, detected: null);
            var unwinder = new ArrayUnwinder([], options.ExcludeKeys);
            await WriteAsync(new LimitedReadStream(jsonArrayUtf8, options.MaxInputBytes), csvOut, options, columns, unwinder, useTokenPaths, ct).ConfigureAwait(false);
            return;
        }
        await using var input = await SeekableInput.OpenAsync(jsonArrayUtf8, options.MaxInputBytes, ct).ConfigureAwait(false);
        var (detected, unwinding) = await DetectKeysAsync(input, options, useTokenPaths, ct).ConfigureAwait(false);
        input.Rewind();
        await WriteAsync(input.Stream, csvOut, options, ColumnPlanner.Plan(options, detected), unwinding, useTokenPaths, ct).ConfigureAwait(false);
    }

    public static string Convert(string jsonArray, Json2CsvOptions? options = null)
    {
        using var input = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(jsonArray));
        using var output = new MemoryStream();
        // Memory streams complete synchronously, so waiting here cannot deadlock.
        ConvertAsync(input, output, options ?? new Json2CsvOptions(), CancellationToken.None).GetAwaiter().GetResult();
        return System.Text.Encoding.UTF8.GetString(output.GetBuffer(), 0, (int)output.Length);
    }

    /// <summary>
    /// Reads the input once per unwinding round (once without unwindArrays): each pass learns the next round's
    /// array keys in first-seen order, and the pass that finds no array left gives the columns.
    /// </summary>
    private static async Task<(OrderedKeySet Detected, ArrayUnwinder Unwinder)> DetectKeysAsync(SeekableInput input, Json2CsvOptions options, bool useTokenPaths, CancellationToken ct)
    {
        if (useTokenPaths && !options.UnwindArrays && !options.CheckSchemaDifferences && !options.ExpandArrayObjects)
        {
            var keys = new OrderedKeySet();
            input.Rewind();
            await new JsonArrayRowReader(input.Stream).ReadAsync(new TokenKeyCollector(options.ExpandNestedObjects, keys), static _ => ValueTask.CompletedTask, ct).ConfigureAwait(false);
            return (keys, new ArrayUnwinder([], options.ExcludeKeys));
        }
        var rounds = new List<IReadOnlyList<KeyPath>>();
        while (true)
        {
            input.Rewind();
            var unwinder = new ArrayUnwinder(rounds, options.ExcludeKeys);
            var collector = new KeyCollector(options.ExpandNestedObjects, options.ExpandArrayObjects);
            var detected = new OrderedKeySet();
            var unwindKeys = new OrderedKeySet();
            var arrayKeys = new HashSet<string>(StringComparer.Ordinal);
            OrderedKeySet? firstSchema = null;
            await foreach (var document in new JsonArrayRowReader(input.Stream).ReadRowsAsync(shapeOnly: true, ct).ConfigureAwait(false))
            {
                if (options.CheckSchemaDifferences)
                {
                    CheckSchema(document, collector, ref firstSchema);
                }
                var rows = options.UnwindArrays ? unwinder.Unwind(document) : [document];
                if (options.UnwindArrays)
                {
                    unwinder.CollectRemainingArrays(rows, unwindKeys, arrayKeys);
                }
                foreach (var row in rows)
                {
                    collector.Collect(row, detected);
                }
            }
            if (arrayKeys.Count == 0)
            {
                return (detected, unwinder);
            }
            rounds.Add(unwindKeys.Keys.Where(key => arrayKeys.Contains(key.Id)).ToList());
        }
    }

    private static void CheckSchema(JsNode document, KeyCollector collector, ref OrderedKeySet? firstSchema)
    {
        var schema = new OrderedKeySet();
        collector.Collect(document, schema);
        firstSchema ??= schema;
        if (!schema.SetEquals(firstSchema))
        {
            throw new JsonCsvException("Not all documents have the same schema.");
        }
    }

    private static async Task WriteAsync(Stream input, Stream output, Json2CsvOptions options, List<Column> columns, ArrayUnwinder unwinder, bool useTokenPaths, CancellationToken ct)
    {
        var sink = new TextSink(output);
        var writer = new CsvDocumentWriter(options, columns, sink, unwinder, useTokenPaths);
        writer.WriteStart();
        await new JsonArrayRowReader(input).ReadAsync(writer, sink.FlushIfFullAsync, ct).ConfigureAwait(false);
        await sink.CompleteAsync(ct).ConfigureAwait(false);
    }
}
