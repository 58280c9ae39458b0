using System.Text.Json.Nodes;

namespace Raytio.Server.Tests.Cypher.Differential;

/// <summary>One query's answer from either side: its columns and rows (one JSON array per row), or an error.</summary>
public sealed record QueryAnswer(IReadOnlyList<string> Columns, IReadOnlyList<JsonArray> Rows, string? Error = null)
{
    public static QueryAnswer Failed(string error) => new([], [], error);
}
