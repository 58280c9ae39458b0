namespace Raytio.Cypher.Syntax;

/// <summary>A chain of nodes joined by relationships: (a)-[r:T]->(b)<-[:U]-(c).</summary>
public sealed record PatternPart(NodePattern Start, IReadOnlyList<PatternStep> Steps);

public sealed record PatternStep(RelationshipPattern Relationship, NodePattern Node);

/// <summary>(variable:Label1:Label2 {key: value}): every label must be present (Neo4j's meaning).</summary>
public sealed record NodePattern(string? Variable, IReadOnlyList<string> Labels, IReadOnlyList<PropertyEntry> Properties, Position Position);

public enum Direction
{
    /// <summary>(a)-[]->(b)</summary>
    Outgoing,

    /// <summary>(a)<-[]-(b)</summary>
    Incoming,

    /// <summary>(a)-[]-(b)</summary>
    Either,
}

/// <summary>
/// -[variable:TYPE1|TYPE2 *min..max {key: value}]-> : any of the types (none: any type);
/// <see cref="Length"/> set for a variable-length relationship.
/// </summary>
public sealed record RelationshipPattern(
    string? Variable,
    IReadOnlyList<string> Types,
    Direction Direction,
    VariableLength? Length,
    IReadOnlyList<PropertyEntry> Properties,
    Position Position);

/// <summary>`*` (both null), `*2` (2..2), `*1..3`, `*..3` (1..3), `*2..` (2..unbounded, capped by the compiler's setting).</summary>
public sealed record VariableLength(int? Min, int? Max);

public sealed record PropertyEntry(string Key, Expression Value);
