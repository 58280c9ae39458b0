using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Raytio.Server.Data;
using Raytio.Server.Features.Auth;

namespace Raytio.Server.Features.Preferences;

/// <summary>
/// The hot read of operation 65 as one hand-written SELECT, on a plain connection for SQLite and
/// on the context's own connection for PostgreSQL. EF Core's query pipeline
/// (query context, shaper, enumerator, command cache) was the largest part of the request's CPU
/// after the framework itself (docs/benchmarks-http.md). The table and column names come from the
/// model and the id parameter from the property's type mapping, so SQLite and PostgreSQL share it.
/// </summary>
internal static class PreferencesRead
{
    private sealed record Plan(string Sql, RelationalTypeMapping IdMapping);

    private static readonly ConditionalWeakTable<IModel, Plan> Plans = [];

    /// <summary>The user's preferences JSON, or null when the user does not exist.</summary>
    public static async Task<string?> ReadAsync(RaytioDbContext db, Guid userId, CancellationToken cancellationToken)
    {
        var plan = Plans.GetValue(db.Model, _ => PlanFor(db));
        if (db.Database.GetDbConnection() is SqliteConnection { ConnectionString: var connectionString })
        {
            // A plain connection from the same native pool: EF Core's own SQLite connection
            // registers its dozen SQL functions at every open and removes them at every close,
            // which cost about twice the query itself.
            await using var plain = new SqliteConnection(connectionString);
            await plain.OpenAsync(cancellationToken);
            await SqlitePragmas.ApplyAsync(plain, cancellationToken);
            return await ScalarAsync(plain, plan, userId, cancellationToken);
        }
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await ScalarAsync(db.Database.GetDbConnection(), plan, userId, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<string?> ScalarAsync(DbConnection connection, Plan plan, Guid userId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = plan.Sql;
        command.Parameters.Add(plan.IdMapping.CreateParameter(command, "id", userId));
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    private static Plan PlanFor(RaytioDbContext db)
    {
        var users = db.Model.FindEntityType(typeof(User))!;
        var table = StoreObjectIdentifier.Table(users.GetTableName()!, users.GetSchema());
        var id = users.FindProperty(nameof(User.Id))!;
        var preferences = users.FindProperty(nameof(User.PreferencesJson))!;
        var sql = db.GetService<ISqlGenerationHelper>();
        return new Plan(
            $"SELECT {sql.DelimitIdentifier(preferences.GetColumnName(table)!)} FROM {sql.DelimitIdentifier(table.Name, table.Schema)} "
                + $"WHERE {sql.DelimitIdentifier(id.GetColumnName(table)!)} = {sql.GenerateParameterNamePlaceholder("id")}",
            id.GetRelationalTypeMapping());
    }
}
