namespace Raytio.Cypher.Compiler;

/// <summary>How a compiled expression holds its value in SQL.</summary>
internal enum SqlKind
{
    /// <summary>A graph_nodes.id (NULL for a null node).</summary>
    Node,

    /// <summary>A graph_relationships.id.</summary>
    Relationship,

    /// <summary>The relationships of a variable-length pattern, as an id path (see <see cref="ISqlDialect.EmptyIdPath"/>).</summary>
    RelationshipPath,

    /// <summary>Any other value, as JSON (NULL for null).</summary>
    Value,

    /// <summary>A SQL boolean (NULL for null).</summary>
    Predicate,
}

internal sealed record SqlExpr(string Sql, SqlKind Kind);
