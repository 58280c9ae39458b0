using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Npgsql;
using Raytio.Cypher.Compiler;
using Raytio.Server.Data;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.CypherQueries;

/// <summary>The rows of a compiled query, each one JSON text per column, and whether rows were left off.</summary>
public sealed record QueryRows(IReadOnlyList<string[]> Rows, bool Truncated);

/// <summary>
/// Runs a compiled query on the request's database connection within the statement timeout:
/// PostgreSQL enforces it itself (`statement_timeout` in a read-only transaction); SQLite has no
/// such setting, so a progress handler ends the statement once the deadline has passed, wherever
/// it is.
/// </summary>
public sealed class CompiledQueryRunner(RaytioDbContext db, IOptions<CypherQueryOptions> options)
{
    private const string PostgresQueryCanceled = "57014";

    /// <summary>SQLite virtual machine instructions between two looks at the deadline (a fraction of a millisecond of work).</summary>
    private const int ProgressInstructions = 10_000;

    private readonly CypherQueryOptions _options = options.Value;

    public ISqlDialect Dialect => db.Database.IsSqlite() ? SqliteDialect.Instance : PostgresDialect.Instance;

    public async Task<QueryRows> RunAsync(CompiledQuery query, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return db.Database.IsSqlite()
                ? await RunOnSqliteAsync(query, cancellationToken)
                : await RunOnPostgresAsync(query, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<QueryRows> RunOnSqliteAsync(CompiledQuery query, CancellationToken cancellationToken)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.StatementTimeout);
        var handle = connection.Handle;
        // sqlite3_interrupt is a no-op while no statement runs, so a deadline passing while the
        // statement is still being prepared would be lost and the query run unbounded; a progress
        // handler asks every few thousand instructions instead. Removed before the connection is
        // used again.
        SQLitePCL.raw.sqlite3_progress_handler(handle, ProgressInstructions, _ => deadline.IsCancellationRequested ? 1 : 0, null);
        try
        {
            return await ReadAsync(connection, null, query, CancellationToken.None);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SQLitePCL.raw.SQLITE_INTERRUPT)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw TimedOut();
        }
        finally
        {
            SQLitePCL.raw.sqlite3_progress_handler(handle, 0, null, null);
        }
    }

    private async Task<QueryRows> RunOnPostgresAsync(CompiledQuery query, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        var dbTransaction = transaction.GetDbTransaction();
        await using (var settings = connection.CreateCommand())
        {
            var milliseconds = Math.Max(1, (long)_options.StatementTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
            settings.Transaction = dbTransaction;
            settings.CommandText = $"SET TRANSACTION READ ONLY; SET LOCAL statement_timeout = {milliseconds}";
            await settings.ExecuteNonQueryAsync(cancellationToken);
        }
        try
        {
            return await ReadAsync(connection, dbTransaction, query, cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresQueryCanceled && !cancellationToken.IsCancellationRequested)
        {
            throw TimedOut();
        }
    }

    private async Task<QueryRows> ReadAsync(DbConnection connection, DbTransaction? transaction, CompiledQuery query, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = query.Sql;
        command.CommandTimeout = 0;
        foreach (var parameter in query.Parameters)
        {
            var dbParameter = command.CreateParameter();
            dbParameter.ParameterName = parameter.Name;
            dbParameter.Value = parameter.Value ?? DBNull.Value;
            command.Parameters.Add(dbParameter);
        }
        var rows = new List<string[]>();
        var characters = 0L;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (rows.Count == _options.MaxRows)
            {
                return new QueryRows(rows, Truncated: true);
            }
            var row = new string[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.GetString(i);
                characters += row[i].Length;
            }
            if (characters > _options.MaxAnswerCharacters)
            {
                throw ApiException.BadRequest("query_answer_too_large",
                    $"The answer grew beyond {_options.MaxAnswerCharacters} characters of JSON after {rows.Count} rows; narrow the query or add LIMIT.");
            }
            rows.Add(row);
        }
        return new QueryRows(rows, Truncated: false);
    }

    private ApiException TimedOut() => ApiException.BadRequest("query_timeout",
        $"The query ran longer than the statement timeout of {_options.StatementTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s; narrow it (labels, properties, LIMIT, shorter variable-length bounds).");
}
