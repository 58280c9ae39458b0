using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Raytio.Cypher.Compiler;
using Raytio.Cypher.Syntax;
using Raytio.Server.Features.Graph;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Cypher;

/// <summary>
/// Seeds graph rows straight into the tables and runs compiled queries on the test database's
/// own connection, as a given caller sees the graph.
/// </summary>
public sealed class CypherGraph(RaytioFactory app)
{
    public const int MaxVariableLength = 6;

    /// <summary>A caller: a fresh account id with its user node (no login needed to query).</summary>
    public async Task<GraphUser> UserAsync()
    {
        var user = new GraphUser(Guid.NewGuid(), "");
        await app.UserNodeAsync(user);
        return user;
    }

    public async Task<long> ObjectAsync(GraphUser owner, object? properties = null, params string[] labels) =>
        (await app.OwnedObjectAsync(owner, JsonSerializer.Serialize(properties ?? new { }), labels)).Id;

    public async Task<long> RelateAsync(long start, long end, string type) => (await app.RelationshipAsync(start, end, type)).Id;

    public async Task<long> GroupAsync(params GraphUser[] members) => (await app.GroupAsync(members)).Id;

    public Task<long> PublicGroupAsync() => app.WithDbAsync(db => db.GraphNodes.Where(n => n.Key == PublicGroup.Key).Select(n => n.Id).SingleAsync());

    public bool IsPostgres => TestDatabase.IsPostgres;

    public ISqlDialect Dialect => IsPostgres ? PostgresDialect.Instance : SqliteDialect.Instance;

    /// <summary>Compiles and runs <paramref name="query"/> as <paramref name="caller"/> (null: anonymous); each row as its JSON texts.</summary>
    public async Task<List<string[]>> RunAsync(GraphUser? caller, Query query, object? parameters = null, int maxRows = 1000)
    {
        var compiled = CypherCompiler.Compile(query, await ContextAsync(caller, parameters, maxRows));
        return await app.WithDbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = compiled.Sql;
            foreach (var parameter in compiled.Parameters)
            {
                var dbParameter = command.CreateParameter();
                dbParameter.ParameterName = parameter.Name;
                dbParameter.Value = parameter.Value ?? DBNull.Value;
                command.Parameters.Add(dbParameter);
            }
            var rows = new List<string[]>();
            await using DbDataReader reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i)).ToArray());
            }
            return rows;
        });
    }

    public async Task<CompileContext> ContextAsync(GraphUser? caller, object? parameters = null, int maxRows = 1000)
    {
        var publicGroup = await PublicGroupAsync();
        long? self = caller is null ? null : await app.UserNodeAsync(caller);
        var groups = self is null
            ? []
            : await app.WithDbAsync(db => db.GraphRelationships.Where(r => r.StartId == self && r.Type == RelationshipTypes.BelongsTo).Select(r => r.EndId).ToListAsync());
        List<long> principals = [.. self is null ? [] : new[] { self.Value }, .. groups, publicGroup];
        var values = parameters is null
            ? null
            : JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(JsonSerializer.Serialize(parameters));
        return new CompileContext(Dialect, new GraphVisibility(principals, self), MaxVariableLength, maxRows, values);
    }
}
