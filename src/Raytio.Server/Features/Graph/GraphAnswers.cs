using System.Text.Json.Nodes;

namespace Raytio.Server.Features.Graph;

/// <summary>
/// Nodes and relationships in the reference's answer shapes: a node is `{id, n_id | g_id | u_id,
/// labels, properties}` (profile objects also name their schema), a relationship `{start, end, id,
/// p_id, type, properties}` with numeric node ids, and many answers are `{profile_objects,
/// relationships}`.
/// </summary>
public static class GraphAnswers
{
    public static string KeyName(NodeKind kind) => kind switch
    {
        NodeKind.User => "u_id",
        NodeKind.Group => "g_id",
        _ => "n_id",
    };

    public static JsonObject Node(GraphNode node)
    {
        var answer = new JsonObject
        {
            ["id"] = node.Id,
            [KeyName(node.Kind)] = node.Key.ToString(),
            ["labels"] = JsonNode.Parse(node.LabelsJson),
        };
        if (node.Kind != NodeKind.User)
        {
            answer["properties"] = JsonNode.Parse(node.PropertiesJson);
        }
        if (node.SchemaName is not null)
        {
            answer["schema"] = node.SchemaName;
            answer["schema_version"] = node.SchemaVersion;
        }
        return answer;
    }

    public static JsonObject Relationship(GraphRelationship relationship) => new()
    {
        ["start"] = relationship.StartId,
        ["end"] = relationship.EndId,
        ["id"] = relationship.Id,
        ["p_id"] = relationship.PId.ToString(),
        ["type"] = relationship.Type,
        ["properties"] = JsonNode.Parse(relationship.PropertiesJson),
    };

    public static JsonObject Graph(IEnumerable<GraphNode> nodes, IEnumerable<GraphRelationship> relationships) => new()
    {
        ["profile_objects"] = new JsonArray([.. nodes.Select(n => (JsonNode)Node(n))]),
        ["relationships"] = new JsonArray([.. relationships.Select(r => (JsonNode)Relationship(r))]),
    };

    /// <summary>A node as operations 48-49 name it: `urn:user:{u_id}`, `urn:group:{g_id}`, `urn:profile_object:{n_id}`.</summary>
    public static string Urn(NodeKind kind, Guid key) => kind switch
    {
        NodeKind.User => $"urn:user:{key}",
        NodeKind.Group => $"urn:group:{key}",
        _ => $"urn:profile_object:{key}",
    };
}
