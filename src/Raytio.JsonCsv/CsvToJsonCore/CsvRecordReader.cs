using System.Text;

namespace Raytio.JsonCsv.CsvToJsonCore;

/// <summary>
/// Reads CSV records from a UTF-8 stream through a bounded text buffer. An empty line is a record with one
/// empty field (a single-column CSV writes empty values that way); an end of line at the very end adds no record.
/// </summary>
internal sealed class CsvRecordReader(Stream input, Delimiters delimiters)
{
    private const int InitialBufferSize = 64 * 1024;

    // Detecting the byte order mark removes a leading UTF-8 BOM whatever the excelBOM option says.
    private readonly StreamReader _reader = new(input, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, InitialBufferSize, leaveOpen: true);
    private readonly CsvRecordParser _parser = new(delimiters);
    private char[] _buffer = new char[InitialBufferSize];
    private int _start;
    private int _end;
    private bool _endOfInput;
    private long _line = 1;

    /// <summary>Parses the records currently buffered into <paramref name="records"/>; false once the input is exhausted.</summary>
    public async ValueTask<bool> ReadBatchAsync(List<List<string>> records, CancellationToken ct)
    {
        records.Clear();
        while (records.Count == 0)
        {
            var fields = new List<string>();
            while (_start < _end)
            {
                var text = _buffer.AsSpan(_start, _end - _start);
                if (!_parser.TryParse(text, _endOfInput, fields, ref _line, out var consumed))
                {
                    break;
                }
                _start += consumed;
                records.Add(fields);
                fields = [];
            }
            if (records.Count > 0)
            {
                return true;
            }
            if (_endOfInput)
            {
                return false;
            }
            await FillAsync(ct).ConfigureAwait(false);
        }
        return true;
    }

    private async Task FillAsync(CancellationToken ct)
    {
        var unread = _end - _start;
        Array.Copy(_buffer, _start, _buffer, 0, unread);
        if (unread > _buffer.Length / 2)
        {
            // A record fills most of the buffer: grow so it fits and reads stay large.
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        _start = 0;
        _end = unread;
        var read = await _reader.ReadAsync(_buffer.AsMemory(_end), ct).ConfigureAwait(false);
        _end += read;
        _endOfInput = read == 0;
    }
}
