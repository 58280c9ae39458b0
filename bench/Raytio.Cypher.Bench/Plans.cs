using System.Data.Common;
using System.Text;
using Raytio.Cypher.Compiler;

namespace Raytio.Cypher.Bench;

/// <summary>
/// The engine's plan of a statement, for reading why one way is slower than another: SQLite's
/// EXPLAIN QUERY PLAN (the tree as "id parent detail" lines), PostgreSQL's EXPLAIN ANALYZE.
/// </summary>
internal static class Plans
{
    public static async Task<string> ExplainAsync(DbConnection connection, bool postgres, string sql, IEnumerable<SqlParameter> parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = (postgres ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN QUERY PLAN ") + sql;
        command.CommandTimeout = 0;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        var plan = new StringBuilder();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.AppendLine(postgres ? reader.GetString(0) : $"{reader.GetInt64(0)} {reader.GetInt64(1)} {reader.GetString(3)}");
        }
        return plan.ToString();
    }
}
