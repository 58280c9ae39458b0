using System.Text;
using Raytio.JsonCsv.Json;

namespace Raytio.JsonCsv.JsonToCsvCore;

/// <summary>Writes the header and one CSV line per (unwound) document: header + eol + lines joined by eol, as json-2-csv does.</summary>
internal sealed class CsvDocumentWriter(Json2CsvOptions options, List<Column> columns, TextSink sink, ArrayUnwinder unwinder)
{
    private readonly CsvFieldFormatter _formatter = new(options);
    private bool _lineWritten;

    public void WriteStart()
    {
        if (options.ExcelBom)
        {
            sink.Text.Append('\uFEFF');
        }
        if (options.PrependHeader)
        {
            AppendJoined(sink.Text, columns, (line, column) => _formatter.AppendText(line, column.Title));
            sink.Text.Append(options.Delimiter.Eol);
        }
    }

    public void WriteDocument(JsNode document)
    {
        var rows = options.UnwindArrays ? unwinder.Unwind(document) : [document];
        foreach (var row in rows)
        {
            if (_lineWritten)
            {
                sink.Text.Append(options.Delimiter.Eol);
            }
            _lineWritten = true;
            AppendJoined(sink.Text, columns, (line, column) => _formatter.AppendValue(line, PathEvaluator.Evaluate(row, column.Key.Segments)));
        }
    }

    private void AppendJoined(StringBuilder line, List<Column> items, Action<StringBuilder, Column> append)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                line.Append(options.Delimiter.Field);
            }
            append(line, items[i]);
        }
    }
}
