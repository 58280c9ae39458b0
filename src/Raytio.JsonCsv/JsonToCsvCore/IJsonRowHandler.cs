using System.Text.Json;

namespace Raytio.JsonCsv.JsonToCsvCore;

/// <summary>Consumes the items of the input array, one at a time.</summary>
internal interface IJsonRowHandler
{
    /// <summary>
    /// Reads the object whose StartObject token the reader is on, through its EndObject. Returns false when the
    /// buffered input ends first; the same object is then offered again after more input is read, so nothing
    /// from the failed attempt may be kept. Malformed JSON throws <see cref="JsonException"/>.
    /// </summary>
    bool TryReadRow(ref Utf8JsonReader reader);
}
