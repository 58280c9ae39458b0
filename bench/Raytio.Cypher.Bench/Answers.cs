using System.Data.Common;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Raytio.Cypher.Bench;

/// <summary>An answer as comparable text: one line per row, each value as canonical JSON.</summary>
internal sealed record Answer(IReadOnlyList<string> Rows)
{
    private static readonly JsonSerializerOptions Canonical = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Answer FromOperation64(JsonObject answer) =>
        new([.. answer["data"]!.AsArray().Select(row => Row(row!.AsArray()))]);

    public static async Task<Answer> ReadAsync(DbDataReader reader)
    {
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            var values = new JsonNode?[reader.FieldCount];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = reader.IsDBNull(i) ? null : JsonSerializer.SerializeToNode(reader.GetValue(i));
            }
            rows.Add(Row(values));
        }
        return new Answer(rows);
    }

    public static Answer FromKuzu(JsonElement rows) =>
        new([.. rows.EnumerateArray().Select(row => Row(row.EnumerateArray().Select(v => JsonNode.Parse(v.GetRawText()))))]);

    /// <summary>Whether the two answers hold the same rows (in the same order when <paramref name="ordered"/>).</summary>
    public bool SameAs(Answer other, bool ordered) => ordered
        ? Rows.SequenceEqual(other.Rows, StringComparer.Ordinal)
        : Rows.Order(StringComparer.Ordinal).SequenceEqual(other.Rows.Order(StringComparer.Ordinal), StringComparer.Ordinal);

    private static string Row(IEnumerable<JsonNode?> values) =>
        string.Join(" | ", values.Select(v => v?.ToJsonString(Canonical) ?? "null"));
}
