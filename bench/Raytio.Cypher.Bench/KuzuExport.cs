using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Raytio.Cypher.Bench;

/// <summary>
/// Writes the caller's visible graph (what operation 64 queries) as CSV files for Kuzu: a node
/// table per schema label (each loaded object has exactly one: Kuzu gives a node one label) with
/// the properties the queries read, a relationship table per type with its (from, to) pairs, and
/// kuzu.json describing them and the queries (read by bench/cypher/kuzu-bench.mjs).
/// </summary>
internal static class KuzuExport
{
    /// <summary>The string properties each node table keeps (the others are left out: no query reads them).</summary>
    private static readonly Dictionary<string, string[]> Columns = new(StringComparer.Ordinal)
    {
        [BenchQueries.Person] = ["first_given_name", "last_name", "date_of_birth"],
        [BenchQueries.Email] = ["email"],
        [BenchQueries.Address] = ["city"],
        [BenchQueries.Passport] = ["passport_number"],
    };

    public static async Task<int> WriteAsync(DbConnection connection, HandSql sql, long me, long everyone, BenchOptions options)
    {
        Directory.CreateDirectory(options.KuzuDirectory);
        var nodes = new Dictionary<string, StringBuilder>(StringComparer.Ordinal);
        var count = 0;
        var properties = sql.Postgres ? "n.properties::text" : "n.properties";
        await using (var command = Command(connection, $"{sql.Visible}\nSELECT n.id, {sql.Key("n")}, n.schema_name, {properties} FROM visible v JOIN graph_nodes n ON n.id = v.id WHERE n.kind = 0 ORDER BY n.id", me, everyone))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var schema = reader.GetString(2);
                var columns = Columns.GetValueOrDefault(schema, []);
                if (!nodes.TryGetValue(schema, out var csv))
                {
                    nodes[schema] = csv = new StringBuilder(string.Join(',', new[] { "id", "n_id" }.Concat(columns))).Append('\n');
                }
                using var json = JsonDocument.Parse(reader.GetString(3));
                var values = columns.Select(c => json.RootElement.TryGetProperty(c, out var value) && value.ValueKind == JsonValueKind.String ? Quote(value.GetString()!) : "");
                csv.AppendJoin(',', new[] { reader.GetInt64(0).ToString(CultureInfo.InvariantCulture), reader.GetString(1) }.Concat(values)).Append('\n');
                count++;
            }
        }
        var relationships = new Dictionary<(string Type, string From, string To), StringBuilder>();
        await using (var command = Command(connection, $"""
            {sql.Visible}
            SELECT r.start_id, r.end_id, r.type, a.schema_name, b.schema_name
            FROM visible va CROSS JOIN graph_nodes a CROSS JOIN graph_relationships r CROSS JOIN visible vb CROSS JOIN graph_nodes b
            WHERE a.id = va.id AND a.kind = 0 AND r.start_id = a.id AND vb.id = r.end_id AND b.id = vb.id AND b.kind = 0
            """, me, everyone))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var key = (reader.GetString(2), reader.GetString(3), reader.GetString(4));
                if (!relationships.TryGetValue(key, out var csv))
                {
                    relationships[key] = csv = new StringBuilder("from,to\n");
                }
                csv.Append(CultureInfo.InvariantCulture, $"{reader.GetInt64(0)},{reader.GetInt64(1)}\n");
            }
        }

        foreach (var (schema, csv) in nodes)
        {
            await File.WriteAllTextAsync(Path.Combine(options.KuzuDirectory, $"node-{schema}.csv"), csv.ToString());
        }
        foreach (var ((type, from, to), csv) in relationships)
        {
            await File.WriteAllTextAsync(Path.Combine(options.KuzuDirectory, $"rel-{type}-{from}-{to}.csv"), csv.ToString());
        }
        var description = new
        {
            nodeTables = nodes.Keys.Select(schema => new { name = schema, columns = Columns.GetValueOrDefault(schema, []), file = $"node-{schema}.csv" }),
            relTables = relationships.Keys.GroupBy(k => k.Type).Select(g => new
            {
                type = g.Key,
                pairs = g.Select(k => new { from = k.From, to = k.To, file = $"rel-{k.Type}-{k.From}-{k.To}.csv" }),
            }),
            queries = BenchQueries.All.Where(q => options.Queries.Contains(q.Name)).Select(q => new { name = q.Name, cypher = q.Cypher, parameters = q.Parameters }),
            seconds = options.TimePerQuery.TotalSeconds,
            minRounds = options.MinimumRounds,
        };
        await File.WriteAllTextAsync(Path.Combine(options.KuzuDirectory, "kuzu.json"), JsonSerializer.Serialize(description));
        return count;
    }

    public static DbCommand Command(DbConnection connection, string text, long me, long everyone)
    {
        var command = connection.CreateCommand();
        command.CommandText = text;
        command.CommandTimeout = 0;
        foreach (var (name, value) in new[] { ("me", me), ("public", everyone) })
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    private static string Quote(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
