using System.Text.Json;
using Raytio.JsonCsv.Json;

namespace Raytio.JsonCsv.JsonToCsvCore;

/// <summary>Parses each item into a <see cref="JsNode"/> tree.</summary>
/// <param name="shapeOnly">Leaves string and number values undecoded, for passes that only detect keys.</param>
internal sealed class TreeRowHandler(bool shapeOnly) : IJsonRowHandler
{
    private readonly NameCache _names = new();

    public List<JsNode> Rows { get; } = [];

    public bool TryReadRow(ref Utf8JsonReader reader)
    {
        if (!TryParse(ref reader, out var row))
        {
            return false;
        }
        Rows.Add(row);
        return true;
    }

    public bool TryParse(ref Utf8JsonReader reader, out JsNode row) => JsNodeReader.TryReadValue(ref reader, _names, shapeOnly, out row);
}
