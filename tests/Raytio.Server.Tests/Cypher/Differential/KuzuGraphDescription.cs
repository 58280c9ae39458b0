using System.Text.Json.Nodes;

namespace Raytio.Server.Tests.Cypher.Differential;

/// <summary>
/// The JSON that tests/interop/kuzu-run.mjs loads: one node table per label (primary key
/// <see cref="GraphVocabulary.Key"/>, a typed column per property), one relationship table per type
/// with every (from, to) pair of its shapes and the column since, then the nodes and relationships.
/// </summary>
public static class KuzuGraphDescription
{
    public static JsonObject ToJson(GeneratedGraph graph) => new()
    {
        ["nodeTables"] = new JsonArray([.. GraphVocabulary.Labels.Select(label => (JsonNode)new JsonObject
        {
            ["label"] = label.Key,
            ["primaryKey"] = GraphVocabulary.Key,
            ["columns"] = Columns([new PropertyDefinition(GraphVocabulary.Key, PropertyType.Integer), .. label.Value]),
        })]),
        ["relTables"] = new JsonArray([.. GraphVocabulary.RelationshipTypes.Select(type => (JsonNode)new JsonObject
        {
            ["type"] = type,
            ["pairs"] = new JsonArray([.. GraphVocabulary.Shapes.Where(s => s.Type == type).Select(s => (JsonNode)new JsonArray(s.From, s.To))]),
            ["columns"] = Columns([GraphVocabulary.Since]),
        })]),
        ["nodes"] = new JsonArray([.. graph.Nodes.Select(node => (JsonNode)new JsonObject
        {
            ["label"] = node.Label,
            ["properties"] = new JsonObject(node.Properties.Select(p => KeyValuePair.Create(p.Key, JsonValueOf(p.Value)))),
        })]),
        ["relationships"] = new JsonArray([.. graph.Relationships.Select(rel => (JsonNode)new JsonObject
        {
            ["type"] = rel.Type,
            ["from"] = End(rel.From),
            ["to"] = End(rel.To),
            ["properties"] = new JsonObject { [GraphVocabulary.Since.Name] = rel.Since },
        })]),
    };

    /// <summary>A property value as JSON (null stays null: the property is missing).</summary>
    public static JsonNode? JsonValueOf(object? value) => value switch
    {
        null => null,
        string s => s,
        long l => l,
        double d => d,
        bool b => b,
        _ => throw new ArgumentException($"unexpected property value {value.GetType()}"),
    };

    private static JsonArray Columns(IEnumerable<PropertyDefinition> properties) =>
        new([.. properties.Select(p => (JsonNode)new JsonObject { ["name"] = p.Name, ["type"] = KuzuType(p.Type) })]);

    private static string KuzuType(PropertyType type) => type switch
    {
        PropertyType.String => "STRING",
        PropertyType.Integer => "INT64",
        PropertyType.Float => "DOUBLE",
        _ => "BOOLEAN",
    };

    private static JsonObject End(GeneratedNode node) => new()
    {
        ["label"] = node.Label,
        ["keyName"] = GraphVocabulary.Key,
        ["key"] = node.Key,
    };
}
