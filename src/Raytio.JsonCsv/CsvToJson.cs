using Raytio.JsonCsv.CsvToJsonCore;
using Raytio.JsonCsv.Json;

namespace Raytio.JsonCsv;

/// <summary>Converts CSV to a JSON array of objects with json-2-csv's value parsing and options.</summary>
public static class CsvToJson
{
    /// <summary>Streams the conversion record by record; memory does not grow with the input size.</summary>
    public static async Task ConvertAsync(Stream csvUtf8, Stream jsonOut, Csv2JsonOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        var reader = new CsvRecordReader(new LimitedReadStream(csvUtf8, options.MaxInputBytes), options.Delimiter);
        var sink = new TextSink(jsonOut);
        var records = new List<List<string>>();
        RowShape? shape = options.HeaderFields is null ? null : new RowShape(options.HeaderFields, options);
        var first = true;
        sink.Text.Append('[');
        while (await reader.ReadBatchAsync(records, ct).ConfigureAwait(false))
        {
            foreach (var record in records)
            {
                if (shape is null)
                {
                    shape = new RowShape(record, options);
                    continue;
                }
                if (!first)
                {
                    sink.Text.Append(',');
                }
                first = false;
                JsStringify.Write(sink.Text, shape.Build(record, options.TrimFieldValues));
            }
            await sink.FlushIfFullAsync(ct).ConfigureAwait(false);
        }
        sink.Text.Append(']');
        await sink.CompleteAsync(ct).ConfigureAwait(false);
    }

    public static string Convert(string csv, Csv2JsonOptions? options = null)
    {
        using var input = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv));
        using var output = new MemoryStream();
        // Memory streams complete synchronously, so waiting here cannot deadlock.
        ConvertAsync(input, output, options ?? new Csv2JsonOptions(), CancellationToken.None).GetAwaiter().GetResult();
        return System.Text.Encoding.UTF8.GetString(output.GetBuffer(), 0, (int)output.Length);
    }
}
