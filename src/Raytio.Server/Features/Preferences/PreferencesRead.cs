using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Raytio.Server.Data;
using Raytio.Server.Features.Auth;

namespace Raytio.Server.Features.Preferences;

/// <summary>
/// The hot read of operation 65 as one hand-written SELECT on the context's own connection (so
/// its connection set-up, e.g. the SQLite pragmas, still applies). EF Core's query pipeline
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
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using DbCommand command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = plan.Sql;
            command.Parameters.Add(plan.IdMapping.CreateParameter(command, "id", userId));
            return await command.ExecuteScalarAsync(cancellationToken) as string;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
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
