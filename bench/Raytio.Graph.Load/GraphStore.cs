using System.Data.Common;
using System.Globalization;
using Raytio.Server.Features.Graph;

namespace Raytio.Graph.Load;

/// <summary>
/// The target database. The generator is run once per pass and hands every row to the store,
/// which writes the kinds of the current pass and ignores the others.
/// </summary>
internal abstract class GraphStore(DbConnection connection) : IAsyncDisposable
{
    /// <summary>The shared namespace of system schemas (SchemaVersion.SharedNamespace).</summary>
    private static readonly Guid SharedNamespace = Guid.Empty;

    protected DbConnection Connection { get; } = connection;

    protected RowKinds Pass { get; private set; }

    /// <summary>The account whose user row the loaded accounts copy (the owner's).</summary>
    protected BenchAccount Template { get; private set; } = null!;

    public abstract IReadOnlyList<RowKinds> Passes { get; }

    public async Task<ExistingGraph> ReadExistingAsync(BenchEmails emails)
    {
        await Connection.OpenAsync();
        var schemas = new Dictionary<string, SchemaRef>(StringComparer.Ordinal);
        await using (var command = Command("SELECT id, name, version FROM schemas WHERE is_current AND namespace_id = @ns", ("ns", GuidValue(SharedNamespace))))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var schema = new SchemaRef(ReadGuid(reader.GetValue(0)), reader.GetString(1), reader.GetInt32(2));
                schemas[schema.Name] = schema;
            }
        }
        Template = await AccountAsync(emails.Owner);
        return new ExistingGraph(
            await ScalarLongAsync("SELECT COALESCE(MAX(id), 0) FROM graph_nodes") + 1,
            await ScalarLongAsync("SELECT COALESCE(MAX(id), 0) FROM graph_relationships") + 1,
            await NodeIdAsync(PublicGroup.Key) ?? throw new InvalidOperationException("no PUBLIC group node: start the server once first"),
            schemas,
            Template,
            await AccountAsync(emails.Member),
            await AccountAsync(emails.Grantor));
    }

    public async Task BeginAsync(RowKinds pass)
    {
        Pass = pass;
        await BeginPassAsync();
    }

    public abstract Task EndPassAsync();

    protected abstract Task BeginPassAsync();

    /// <summary>After the last pass: make the database ready for the server (checkpoint, sequences, statistics).</summary>
    public abstract Task FinishAsync();

    /// <summary>A user row like the owner's (same password hash and settings) under another id and email.</summary>
    public void Account(Guid id, string email)
    {
        if (Pass.HasFlag(RowKinds.Accounts))
        {
            WriteAccount(id, email);
        }
    }

    public void Node(NodeRow row)
    {
        if (Pass.HasFlag(RowKinds.Nodes))
        {
            WriteNode(row);
        }
    }

    public void Label(long nodeId, string label)
    {
        if (Pass.HasFlag(RowKinds.Labels))
        {
            WriteLabel(nodeId, label);
        }
    }

    public void Relationship(RelationshipRow row)
    {
        if (Pass.HasFlag(RowKinds.Relationships))
        {
            WriteRelationship(row);
        }
    }

    protected abstract void WriteAccount(Guid id, string email);

    protected abstract void WriteNode(NodeRow row);

    protected abstract void WriteLabel(long nodeId, string label);

    protected abstract void WriteRelationship(RelationshipRow row);

    public ValueTask DisposeAsync() => Connection.DisposeAsync();

    /// <summary>A Guid as the engine stores it through EF Core.</summary>
    protected abstract object GuidValue(Guid value);

    protected DbCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    /// <summary>Column names of a table, except the ones given.</summary>
    protected async Task<List<string>> ColumnsAsync(string sql, params string[] except)
    {
        var columns = new List<string>();
        await using var command = Command(sql);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var name = reader.GetString(0);
            if (!except.Contains(name))
            {
                columns.Add(name);
            }
        }
        return columns;
    }

    private async Task<long> ScalarLongAsync(string sql)
    {
        await using var command = Command(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private async Task<long?> NodeIdAsync(Guid key)
    {
        await using var command = Command("SELECT id FROM graph_nodes WHERE key = @key", ("key", GuidValue(key)));
        return await command.ExecuteScalarAsync() is { } id and not DBNull ? Convert.ToInt64(id, CultureInfo.InvariantCulture) : null;
    }

    private async Task<BenchAccount> AccountAsync(string email)
    {
        await using var command = Command("SELECT id FROM users WHERE email = @email", ("email", email));
        var id = await command.ExecuteScalarAsync() is { } value and not DBNull
            ? ReadGuid(value)
            : throw new InvalidOperationException($"no account {email}: create it first (create-user)");
        return new BenchAccount(email, id, await NodeIdAsync(id));
    }

    private static Guid ReadGuid(object value) => value is Guid guid ? guid : Guid.Parse((string)value);
}
