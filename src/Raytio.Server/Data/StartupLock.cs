using Npgsql;

namespace Raytio.Server.Data;

/// <summary>
/// Start-up work (migrations, first keys) runs on one replica at a time. On PostgreSQL this is a
/// session advisory lock: replicas started together on an empty database otherwise race in the
/// migrations (EF's own lock did not stop a second replica from re-applying a migration) and
/// would each create a first key. SQLite is one file on one machine and needs none.
/// </summary>
internal sealed class StartupLock : IAsyncDisposable
{
    /// <summary>An arbitrary application-wide lock id ("Raytio" in ASCII).</summary>
    private const long LockId = 0x526179_74696F;

    private readonly NpgsqlConnection? _connection;

    private StartupLock(NpgsqlConnection? connection) => _connection = connection;

    public static async Task<StartupLock> AcquireAsync(IConfiguration configuration, CancellationToken cancellationToken)
    {
        if (!DatabaseSetup.UsesPostgres(configuration))
        {
            return new StartupLock(null);
        }
        var connection = new NpgsqlConnection(configuration.GetConnectionString(DatabaseSetup.PostgresConnectionName));
        var locked = false;
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@id)", connection);
            command.Parameters.AddWithValue("id", LockId);
            await command.ExecuteNonQueryAsync(cancellationToken);
            locked = true;
            return new StartupLock(connection);
        }
        finally
        {
            if (!locked)
            {
                await connection.DisposeAsync();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is null)
        {
            return;
        }
        // Unlocked explicitly: a pooled connection keeps its session, and with it the lock.
        await using (var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@id)", _connection))
        {
            command.Parameters.AddWithValue("id", LockId);
            await command.ExecuteNonQueryAsync();
        }
        await _connection.DisposeAsync();
    }
}
