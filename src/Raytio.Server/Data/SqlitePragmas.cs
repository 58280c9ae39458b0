using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Raytio.Server.Data;

/// <summary>
/// Per-connection SQLite settings. busy_timeout makes SQLite itself wait for the write lock in
/// short steps, instead of returning SQLITE_BUSY to the driver, whose retry sleeps 150 ms;
/// synchronous=NORMAL is durable in WAL mode except across a power loss of the last commits.
/// Pragmas belong to the native connection, which the driver pools, so each is set up once.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL;";

    private readonly ConditionalWeakTable<object, object> configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsNew(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsNew(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private bool IsNew(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || configured.TryAdd(handle, handle);
}
