using System.Text.Json;

namespace Raytio.Server.Tests.Cypher;

/// <summary>Result rows in one textual form whatever the engine (PostgreSQL's jsonb prints spaces).</summary>
public static class CypherRows
{
    public static string Normalize(string json) => JsonSerializer.Serialize(JsonSerializer.Deserialize<JsonElement>(json));

    public static string Row(string[] cells) => string.Join(" | ", cells.Select(Normalize));

    /// <summary>The rows as "cell | cell" lines, in their order.</summary>
    public static List<string> Lines(this List<string[]> rows) => rows.Select(Row).ToList();

    /// <summary>The rows as sorted lines, for answers whose order is not fixed.</summary>
    public static List<string> Sorted(this List<string[]> rows) => rows.Select(Row).Order(StringComparer.Ordinal).ToList();

    public static string Node(long id) => $"{{\"~node\":{id}}}";

    public static string Rel(long id) => $"{{\"~rel\":{id}}}";
}
