namespace Raytio.Server.Tests.Cypher.Differential;

public enum PropertyType
{
    String,
    Integer,
    Float,
    Boolean,
}

public sealed record PropertyDefinition(string Name, PropertyType Type);

/// <summary>One (type, from label, to label) a generated relationship may have.</summary>
public sealed record RelationshipShape(string Type, string From, string To);

/// <summary>
/// The fixed labels, typed properties and relationship shapes of generated graphs. A property name
/// has one type everywhere, so queries can compare properties of different labels; every node has
/// the integer key <see cref="Key"/> (Kuzu's primary key, never null) and exactly one label,
/// because a Kuzu node belongs to one node table.
/// </summary>
public static class GraphVocabulary
{
    public const string Key = "k";

    /// <summary>Every relationship has this optional integer property.</summary>
    public static readonly PropertyDefinition Since = new("since", PropertyType.Integer);

    private static readonly PropertyDefinition[] Shared =
    [
        new("name", PropertyType.String),
        new("rank", PropertyType.Integer),
        new("score", PropertyType.Float),
        new("active", PropertyType.Boolean),
    ];

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<PropertyDefinition>> Labels =
        new Dictionary<string, IReadOnlyList<PropertyDefinition>>
        {
            ["Person"] = [.. Shared, new("age", PropertyType.Integer)],
            ["Company"] = [.. Shared, new("sector", PropertyType.String)],
            ["Document"] = [.. Shared, new("pages", PropertyType.Integer)],
            ["Address"] = [.. Shared, new("city", PropertyType.String)],
        };

    public static readonly IReadOnlyList<string> LabelNames = [.. Labels.Keys];

    public static readonly IReadOnlyList<RelationshipShape> Shapes =
    [
        new("KNOWS", "Person", "Person"),
        new("WORKS_AT", "Person", "Company"),
        new("OWNS", "Person", "Document"),
        new("OWNS", "Company", "Document"),
        new("OWNS", "Person", "Company"),
        new("LIVES_AT", "Person", "Address"),
        new("LIVES_AT", "Company", "Address"),
    ];

    public static readonly IReadOnlyList<string> RelationshipTypes = [.. Shapes.Select(s => s.Type).Distinct()];

    /// <summary>Small value pools, so that equalities, IN and grouping find matches.</summary>
    public static readonly IReadOnlyList<string> Strings = ["ann", "bob", "cleo", "dan", "Eve", "anna", "b", ""];

    public static PropertyType TypeOf(string property) =>
        property == Key || property == Since.Name
            ? PropertyType.Integer
            : Labels.Values.SelectMany(p => p).First(p => p.Name == property).Type;
}
