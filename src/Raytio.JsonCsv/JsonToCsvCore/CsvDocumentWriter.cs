using System.Text;
using System.Text.Json;
using Raytio.JsonCsv.Json;

namespace Raytio.JsonCsv.JsonToCsvCore;

/// <summary>Writes the header and one CSV line per (unwound) document: header + eol + lines joined by eol, as json-2-csv does.</summary>
/// <param name="useTokenPaths">Writes from the reader's tokens where the options allow; false always builds the object tree.</param>
internal sealed class CsvDocumentWriter(Json2CsvOptions options, List<Column> columns, TextSink sink, ArrayUnwinder unwinder, bool useTokenPaths) : IJsonRowHandler
{
    private readonly CsvFieldFormatter _formatter = new(options);
    private readonly TokenRowWriter? _tokenWriter = useTokenPaths && TokenRowWriter.Supports(options) ? new(columns) : null;
    private readonly TreeRowHandler _trees = new(shapeOnly: false);
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

    public bool TryReadRow(ref Utf8JsonReader reader)
    {
        var start = reader;
        if (_tokenWriter is not null)
        {
            var lineStart = sink.Text.Length;
            var lineWritten = _lineWritten;
            StartLine();
            var scan = _tokenWriter.TryWrite(ref reader, sink.Text, _formatter, options.Delimiter.Field);
            if (scan == TokenScan.Done)
            {
                return true;
            }
            sink.Text.Length = lineStart;
            _lineWritten = lineWritten;
            if (scan == TokenScan.NeedMoreData)
            {
                return false;
            }
            reader = start;
        }
        if (!_trees.TryParse(ref reader, out var document))
        {
            return false;
        }
        WriteDocument(document);
        return true;
    }

    private void WriteDocument(JsNode document)
    {
        var rows = options.UnwindArrays ? unwinder.Unwind(document) : [document];
        foreach (var row in rows)
        {
            StartLine();
            AppendJoined(sink.Text, columns, (line, column) => _formatter.AppendValue(line, PathEvaluator.Evaluate(row, column.Key.Segments)));
        }
    }

    private void StartLine()
    {
        if (_lineWritten)
        {
            sink.Text.Append(options.Delimiter.Eol);
        }
        _lineWritten = true;
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
