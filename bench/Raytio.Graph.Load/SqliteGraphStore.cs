using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Raytio.Graph.Load;

/// <summary>
/// SQLite: one pass, prepared single-row INSERTs, a commit every <see cref="RowsPerTransaction"/>
/// rows. The server must be stopped: synchronous=OFF and a large page cache are for the load only
/// (per connection; the server sets its own).
/// </summary>
internal sealed class SqliteGraphStore(string path) : GraphStore(new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
{
    private const int RowsPerTransaction = 250_000;

    private SqliteTransaction? _transaction;
    private SqliteCommand? _account;
    private SqliteCommand? _node;
    private SqliteCommand? _label;
    private SqliteCommand? _relationship;
    private int _rows;

    public override IReadOnlyList<RowKinds> Passes { get; } = [RowKinds.All];

    private SqliteConnection Sqlite => (SqliteConnection)Connection;

    protected override async Task BeginPassAsync()
    {
        await using (var pragmas = Command("PRAGMA synchronous = OFF; PRAGMA cache_size = -524288; PRAGMA foreign_keys = ON;"))
        {
            await pragmas.ExecuteNonQueryAsync();
        }
        _transaction = Sqlite.BeginTransaction();
        // Accounts copy every other column from the owner's row, so new columns of later migrations need no change here.
        var copied = await ColumnsAsync("SELECT name FROM pragma_table_info('users')", "id", "email");
        var list = string.Concat(copied.Select(c => $", \"{c}\""));
        _account = Prepare($"INSERT INTO users (id, email{list}) SELECT $id, $email{list} FROM users WHERE email = $template",
            ("$id", SqliteType.Text), ("$email", SqliteType.Text), ("$template", SqliteType.Text));
        _node = Prepare("""
            INSERT INTO graph_nodes (id, key, kind, labels, properties, schema_id, schema_name, schema_version, created_at, updated_at)
            VALUES ($id, $key, $kind, $labels, $properties, $schema_id, $schema_name, $schema_version, $created, $created)
            """,
            ("$id", SqliteType.Integer), ("$key", SqliteType.Text), ("$kind", SqliteType.Integer), ("$labels", SqliteType.Text),
            ("$properties", SqliteType.Text), ("$schema_id", SqliteType.Text), ("$schema_name", SqliteType.Text),
            ("$schema_version", SqliteType.Integer), ("$created", SqliteType.Text));
        _label = Prepare("INSERT INTO graph_labels (label, node_id) VALUES ($label, $node)", ("$label", SqliteType.Text), ("$node", SqliteType.Integer));
        _relationship = Prepare("""
            INSERT INTO graph_relationships (id, p_id, start_id, end_id, type, properties, origin_id, created_at)
            VALUES ($id, $p_id, $start, $end, $type, '{}', $origin, $created)
            """,
            ("$id", SqliteType.Integer), ("$p_id", SqliteType.Text), ("$start", SqliteType.Integer), ("$end", SqliteType.Integer),
            ("$type", SqliteType.Text), ("$origin", SqliteType.Text), ("$created", SqliteType.Text));
    }

    protected override void WriteAccount(Guid id, string email) =>
        Execute(_account!, GuidText(id), email, Template.Email);

    protected override void WriteNode(NodeRow row) =>
        Execute(_node!, row.Id, GuidText(row.Key), (int)row.Kind, row.LabelsJson, row.PropertiesJson,
            row.Schema is { } schema ? GuidText(schema.Id) : DBNull.Value, row.Schema?.Name ?? (object)DBNull.Value,
            row.Schema?.Version ?? (object)DBNull.Value, Timestamp(row.CreatedAt));

    protected override void WriteLabel(long nodeId, string label) => Execute(_label!, label, nodeId);

    protected override void WriteRelationship(RelationshipRow row) =>
        Execute(_relationship!, row.Id, GuidText(row.PId), row.StartId, row.EndId, row.Type, GuidText(row.OriginId), Timestamp(row.CreatedAt));

    public override Task EndPassAsync()
    {
        _transaction!.Commit();
        _transaction.Dispose();
        _transaction = null;
        return Task.CompletedTask;
    }

    public override async Task FinishAsync()
    {
        // Leave everything in the main file, so its size is the database's size.
        await using var checkpoint = Command("PRAGMA wal_checkpoint(TRUNCATE);");
        await checkpoint.ExecuteNonQueryAsync();
    }

    protected override object GuidValue(Guid value) => GuidText(value);

    /// <summary>EF Core's SQLite text form of a Guid (upper case).</summary>
    private static string GuidText(Guid value) => value.ToString("D").ToUpperInvariant();

    /// <summary>EF Core's SQLite text form of a DateTime.</summary>
    private static string Timestamp(DateTime value) => value.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    private SqliteCommand Prepare(string sql, params (string Name, SqliteType Type)[] parameters)
    {
        var command = Sqlite.CreateCommand();
        command.CommandText = sql;
        command.Transaction = _transaction;
        foreach (var (name, type) in parameters)
        {
            command.Parameters.Add(name, type);
        }
        command.Prepare();
        return command;
    }

    private void Execute(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }
        command.ExecuteNonQuery();
        if (++_rows % RowsPerTransaction == 0)
        {
            _transaction!.Commit();
            _transaction.Dispose();
            _transaction = Sqlite.BeginTransaction();
            foreach (var prepared in new[] { _account, _node, _label, _relationship })
            {
                prepared!.Transaction = _transaction;
            }
        }
    }
}
