namespace Raytio.Cypher.Compiler;

/// <summary>
/// The FROM and WHERE of one SELECT. Rows of nodes and relationships that expressions read
/// (properties, labels, type) are joined on demand, once per id.
/// </summary>
internal sealed class SelectBuilder(CompilerState state)
{
    private readonly List<string> _sources = [];
    private readonly List<string> _joins = [];
    private readonly Dictionary<string, string> _nodeRows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _relationshipRows = new(StringComparer.Ordinal);
    private readonly List<string> _conditions = [];

    public void AddSource(string source) => _sources.Add(source);

    public void AddCondition(string condition) => _conditions.Add(condition);

    /// <summary>A source that already holds the row of the relationship with id <paramref name="idSql"/>.</summary>
    public void KnownRelationshipRow(string idSql, string alias) => _relationshipRows[idSql] = alias;

    public string NodeRow(string idSql) => Row(_nodeRows, idSql, "graph_nodes", "gn");

    public string RelationshipRow(string idSql) => Row(_relationshipRows, idSql, "graph_relationships", "gr");

    private string Row(Dictionary<string, string> rows, string idSql, string table, string prefix)
    {
        if (!rows.TryGetValue(idSql, out var alias))
        {
            alias = state.NewName(prefix);
            _joins.Add($"LEFT JOIN {table} {alias} ON {alias}.id = {idSql}");
            rows[idSql] = alias;
        }
        return alias;
    }

    // Inner joins on a true condition rather than CROSS JOIN, which fixes the join order on SQLite.
    public string From() => " FROM " + string.Join(" JOIN ", _sources.Select((s, i) => i == 0 ? s : s + " ON 1 = 1")) + string.Concat(_joins.Select(j => " " + j));

    public string Where() => _conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", _conditions.Select(c => $"({c})"));
}
