using Npgsql;
using NpgsqlTypes;

namespace Raytio.Graph.Load;

/// <summary>
/// PostgreSQL: binary COPY, one table per pass (a connection runs one COPY at a time, and the
/// relationships' foreign keys need their nodes committed first). Accounts are copied into a
/// temporary table and then inserted as copies of the owner's user row. No command timeout: at
/// a million objects, finishing a COPY (index and foreign key work) takes minutes.
/// </summary>
internal sealed class PostgresGraphStore(string connection)
    : GraphStore(new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connection) { CommandTimeout = 0 }.ToString()))
{
    private NpgsqlBinaryImporter? _copy;

    public override IReadOnlyList<RowKinds> Passes { get; } = [RowKinds.Accounts, RowKinds.Nodes, RowKinds.Labels, RowKinds.Relationships];

    private NpgsqlConnection Npgsql => (NpgsqlConnection)Connection;

    protected override async Task BeginPassAsync()
    {
        if (Pass == RowKinds.Accounts)
        {
            await using var create = Command("CREATE TEMPORARY TABLE load_accounts (id uuid NOT NULL, email text NOT NULL)");
            await create.ExecuteNonQueryAsync();
        }
        _copy = await Npgsql.BeginBinaryImportAsync(Pass switch
        {
            RowKinds.Accounts => "COPY load_accounts (id, email) FROM STDIN (FORMAT BINARY)",
            RowKinds.Nodes => "COPY graph_nodes (id, key, kind, labels, properties, schema_id, schema_name, schema_version, created_at, updated_at) FROM STDIN (FORMAT BINARY)",
            RowKinds.Labels => "COPY graph_labels (label, node_id) FROM STDIN (FORMAT BINARY)",
            _ => "COPY graph_relationships (id, p_id, start_id, end_id, type, properties, origin_id, created_at) FROM STDIN (FORMAT BINARY)",
        });
    }

    public override async Task EndPassAsync()
    {
        await _copy!.CompleteAsync();
        await _copy.DisposeAsync();
        _copy = null;
        if (Pass == RowKinds.Accounts)
        {
            // Every other column from the owner's row, so new columns of later migrations need no change here.
            var copied = await ColumnsAsync(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'users' ORDER BY ordinal_position",
                "id", "email");
            var targets = string.Concat(copied.Select(c => $", \"{c}\""));
            var sources = string.Concat(copied.Select(c => $", t.\"{c}\""));
            await using var insert = Command(
                $"INSERT INTO users (id, email{targets}) SELECT a.id, a.email{sources} FROM load_accounts a CROSS JOIN users t WHERE t.id = @template",
                ("template", Template.UserId));
            await insert.ExecuteNonQueryAsync();
        }
    }

    public override async Task FinishAsync()
    {
        foreach (var table in new[] { "graph_nodes", "graph_relationships" })
        {
            await using var sequence = Command($"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))");
            await sequence.ExecuteScalarAsync();
        }
        // What autovacuum would do soon after a load: statistics for the planner, a visibility map for index-only scans.
        await using var vacuum = Command("VACUUM ANALYZE users, graph_nodes, graph_labels, graph_relationships");
        await vacuum.ExecuteNonQueryAsync();
    }

    protected override void WriteAccount(Guid id, string email)
    {
        _copy!.StartRow();
        _copy.Write(id, NpgsqlDbType.Uuid);
        _copy.Write(email, NpgsqlDbType.Text);
    }

    protected override void WriteNode(NodeRow row)
    {
        _copy!.StartRow();
        _copy.Write(row.Id, NpgsqlDbType.Bigint);
        _copy.Write(row.Key, NpgsqlDbType.Uuid);
        _copy.Write((int)row.Kind, NpgsqlDbType.Integer);
        _copy.Write(row.LabelsJson, NpgsqlDbType.Jsonb);
        _copy.Write(row.PropertiesJson, NpgsqlDbType.Jsonb);
        if (row.Schema is { } schema)
        {
            _copy.Write(schema.Id, NpgsqlDbType.Uuid);
            _copy.Write(schema.Name, NpgsqlDbType.Varchar);
            _copy.Write(schema.Version, NpgsqlDbType.Integer);
        }
        else
        {
            _copy.WriteNull();
            _copy.WriteNull();
            _copy.WriteNull();
        }
        _copy.Write(row.CreatedAt, NpgsqlDbType.TimestampTz);
        _copy.Write(row.CreatedAt, NpgsqlDbType.TimestampTz);
    }

    protected override void WriteLabel(long nodeId, string label)
    {
        _copy!.StartRow();
        _copy.Write(label, NpgsqlDbType.Varchar);
        _copy.Write(nodeId, NpgsqlDbType.Bigint);
    }

    protected override void WriteRelationship(RelationshipRow row)
    {
        _copy!.StartRow();
        _copy.Write(row.Id, NpgsqlDbType.Bigint);
        _copy.Write(row.PId, NpgsqlDbType.Uuid);
        _copy.Write(row.StartId, NpgsqlDbType.Bigint);
        _copy.Write(row.EndId, NpgsqlDbType.Bigint);
        _copy.Write(row.Type, NpgsqlDbType.Varchar);
        _copy.Write("{}", NpgsqlDbType.Jsonb);
        _copy.Write(row.OriginId, NpgsqlDbType.Uuid);
        _copy.Write(row.CreatedAt, NpgsqlDbType.TimestampTz);
    }

    protected override object GuidValue(Guid value) => value;
}
