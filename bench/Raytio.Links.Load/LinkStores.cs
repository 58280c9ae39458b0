using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Raytio.Links.Load;

/// <summary>Bulk inserts into short_links: prepared INSERTs in one transaction on SQLite, binary COPY on PostgreSQL.</summary>
internal static class LinkStores
{
    public static async Task WriteSqliteAsync(string path, IReadOnlyList<LinkRow> rows)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous = OFF;";
            await pragma.ExecuteNonQueryAsync();
        }
        await using var transaction = connection.BeginTransaction();
        await using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO short_links (id, url, persist, organization_id, description, created_by, created_at, expires_at)
            VALUES ($id, $url, $persist, NULL, NULL, $created_by, $created_at, $expires_at)
            """;
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var url = insert.Parameters.Add("$url", SqliteType.Text);
        var persist = insert.Parameters.Add("$persist", SqliteType.Integer);
        var createdBy = insert.Parameters.Add("$created_by", SqliteType.Text);
        var createdAt = insert.Parameters.Add("$created_at", SqliteType.Text);
        var expiresAt = insert.Parameters.Add("$expires_at", SqliteType.Text);
        insert.Prepare();
        foreach (var row in rows)
        {
            id.Value = row.Id;
            url.Value = row.Url;
            persist.Value = row.Persist ? 1 : 0;
            // EF Core's SQLite text forms: upper-case Guids, "yyyy-MM-dd HH:mm:ss.FFFFFFF" timestamps.
            createdBy.Value = row.CreatedBy.ToString("D").ToUpperInvariant();
            createdAt.Value = Timestamp(row.CreatedAt);
            expiresAt.Value = row.ExpiresAt is { } expires ? Timestamp(expires) : DBNull.Value;
            insert.ExecuteNonQuery();
        }
        transaction.Commit();
        await using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); ANALYZE;";
        await checkpoint.ExecuteNonQueryAsync();
    }

    public static async Task WritePostgresAsync(string connectionString, IReadOnlyList<LinkRow> rows)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY short_links (id, url, persist, created_by, created_at, expires_at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var row in rows)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(row.Id, NpgsqlDbType.Varchar);
                await copy.WriteAsync(row.Url, NpgsqlDbType.Text);
                await copy.WriteAsync(row.Persist, NpgsqlDbType.Boolean);
                await copy.WriteAsync(row.CreatedBy, NpgsqlDbType.Uuid);
                await copy.WriteAsync(row.CreatedAt, NpgsqlDbType.TimestampTz);
                if (row.ExpiresAt is { } expires)
                {
                    await copy.WriteAsync(expires, NpgsqlDbType.TimestampTz);
                }
                else
                {
                    await copy.WriteNullAsync();
                }
            }
            await copy.CompleteAsync();
        }
        await using var analyze = new NpgsqlCommand("ANALYZE short_links", connection);
        await analyze.ExecuteNonQueryAsync();
    }

    private static string Timestamp(DateTime value) => value.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
}
