using System.Text.Json;
using Raytio.JsonCsv.Json;

namespace Raytio.JsonCsv.JsonToCsvCore;

/// <summary>
/// Streams the objects of a top-level JSON array to an <see cref="IJsonRowHandler"/>: only the unread part of
/// the input and the current object are held in memory, whatever the input size.
/// </summary>
internal sealed class JsonArrayRowReader(Stream input)
{
    private const int InitialBufferSize = 1024 * 1024;

    private enum Phase
    {
        BeforeArray,
        InArray,
        AfterArray,
        Finished,
    }

    private byte[] _buffer = new byte[InitialBufferSize];
    private int _start;
    private int _end;
    private bool _endOfInput;
    private JsonReaderState _state;
    private Phase _phase;
    private long _rowIndex;

    /// <summary>Hands every object to the handler; <paramref name="afterBatch"/> runs after each buffer's worth.</summary>
    public async Task ReadAsync(IJsonRowHandler handler, Func<CancellationToken, ValueTask> afterBatch, CancellationToken ct)
    {
        while (true)
        {
            ParseBuffered(handler);
            await afterBatch(ct).ConfigureAwait(false);
            if (_phase == Phase.Finished)
            {
                return;
            }
            await FillAsync(ct).ConfigureAwait(false);
        }
    }

    /// <param name="shapeOnly">Leaves string and number values undecoded, for passes that only detect keys.</param>
    public async IAsyncEnumerable<JsNode> ReadRowsAsync(bool shapeOnly, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var trees = new TreeRowHandler(shapeOnly);
        while (true)
        {
            trees.Rows.Clear();
            ParseBuffered(trees);
            foreach (var row in trees.Rows)
            {
                yield return row;
            }
            if (_phase == Phase.Finished)
            {
                yield break;
            }
            await FillAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>Parses every complete object in the buffer, leaving an incomplete one for the next fill.</summary>
    private void ParseBuffered(IJsonRowHandler handler)
    {
        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _endOfInput, _state);
        var committed = reader;
        try
        {
            while (_phase != Phase.Finished && TryReadStep(ref reader, handler))
            {
                committed = reader;
            }
        }
        catch (JsonException e)
        {
            throw new JsonCsvException($"Invalid JSON: {e.Message}", e);
        }
        _start += (int)committed.BytesConsumed;
        _state = committed.CurrentState;
    }

    private bool TryReadStep(ref Utf8JsonReader reader, IJsonRowHandler handler)
    {
        if (!reader.Read())
        {
            if (_endOfInput)
            {
                _phase = _phase == Phase.AfterArray ? Phase.Finished : throw new JsonCsvException("Invalid JSON: the input ends before the array is closed.");
                return true;
            }
            return false;
        }
        switch (_phase)
        {
            case Phase.BeforeArray:
                _phase = reader.TokenType == JsonTokenType.StartArray
                    ? Phase.InArray
                    : throw new JsonCsvException($"The JSON input must be an array of objects, not {Describe(reader.TokenType)}.");
                return true;
            case Phase.InArray when reader.TokenType == JsonTokenType.EndArray:
                _phase = Phase.AfterArray;
                return true;
            case Phase.InArray when reader.TokenType == JsonTokenType.StartObject:
                if (!handler.TryReadRow(ref reader))
                {
                    return false;
                }
                _rowIndex++;
                return true;
            case Phase.InArray:
                throw new JsonCsvException($"Array item {_rowIndex} is {Describe(reader.TokenType)}; every item must be an object.");
            default:
                throw new JsonCsvException("Invalid JSON: unexpected data after the array.");
        }
    }

    private async Task FillAsync(CancellationToken ct)
    {
        if (_endOfInput)
        {
            throw new JsonCsvException("Invalid JSON: the input ends inside a value.");
        }
        var unread = _end - _start;
        Buffer.BlockCopy(_buffer, _start, _buffer, 0, unread);
        if (unread > _buffer.Length / 2)
        {
            // An object fills most of the buffer: grow so it fits and reads stay large.
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        _start = 0;
        _end = unread;
        var read = await input.ReadAsync(_buffer.AsMemory(_end), ct).ConfigureAwait(false);
        _end += read;
        _endOfInput = read == 0;
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
