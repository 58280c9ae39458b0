using Npgsql;

namespace Raytio.Server.Tests.Infrastructure;

/// <summary>
/// The engine a test run uses: SQLite in a temporary data folder by default, PostgreSQL when
/// RAYTIO_TEST_POSTGRES holds a connection string (CI sets it for its second pass). Each test
/// host gets its own PostgreSQL database, dropped afterwards.
/// </summary>
public static class TestDatabase
{
    public const string PostgresVariable = "RAYTIO_TEST_POSTGRES";

    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    public static bool IsPostgres => PostgresServer is not null;

    public static async Task<string> CreatePostgresDatabaseAsync()
    {
        var name = "raytio_test_" + Guid.NewGuid().ToString("N");
        await using var connection = new NpgsqlConnection(PostgresServer);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name }.ToString();
    }

    public static async Task DropPostgresDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(PostgresServer);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
