using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using Raytio.Server.Hosting;

namespace Raytio.Server.Data;

/// <summary>Which engine this process uses, decided once from configuration.</summary>
internal sealed record DatabaseEngine(bool IsPostgres);

internal static class DatabaseSetup
{
    public const string PostgresConnectionName = "Postgres";

    /// <summary>
    /// Areas add EF Core interceptors as <see cref="IInterceptor"/> services.
    /// PostgreSQL when ConnectionStrings:Postgres is set, otherwise SQLite in the data folder. The
    /// choice is made when the context is first resolved, so configuration added late (tests) counts.
    /// </summary>
    public static IServiceCollection AddRaytioDatabase(this IServiceCollection services)
    {
        services.AddDbContextPool<PostgresRaytioDbContext>((provider, options) =>
            options.UseNpgsql(provider.GetRequiredService<IConfiguration>().GetConnectionString(PostgresConnectionName)).UseSnakeCaseNamingConvention()
                .AddInterceptors(provider.GetServices<IInterceptor>()));
        services.AddDbContextPool<SqliteRaytioDbContext>((provider, options) =>
            options.UseSqlite(SqliteConnectionString(provider.GetRequiredService<IOptions<RaytioOptions>>().Value.DataDirectory))
                .UseSnakeCaseNamingConvention()
                .AddInterceptors([new SqlitePragmas(), .. provider.GetServices<IInterceptor>()]));
        services.AddSingleton(provider => new DatabaseEngine(UsesPostgres(provider.GetRequiredService<IConfiguration>())));
        services.AddScoped<RaytioDbContext>(provider => provider.GetRequiredService<DatabaseEngine>().IsPostgres
            ? provider.GetRequiredService<PostgresRaytioDbContext>()
            : provider.GetRequiredService<SqliteRaytioDbContext>());
        return services;
    }

    public static bool UsesPostgres(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration.GetConnectionString(PostgresConnectionName));

    private static string SqliteConnectionString(string dataDirectory) => new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(dataDirectory, "raytio.db"),
        Cache = SqliteCacheMode.Private,
        Pooling = true,
    }.ToString();

    /// <summary>Applies pending migrations; replicas take turns (<see cref="StartupLock"/>).</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RaytioDbContext>();
        if (db.Database.IsSqlite())
        {
            // WAL lets readers run beside the single writer; the setting persists in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        await db.Database.MigrateAsync(cancellationToken);
    }
}
