using System.Text.Json.Nodes;
using Raytio.Server.Features.Graph;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.CypherQueries;

/// <summary>
/// Nodes and relationships in an answer of operation 64, in the shape of the reference's example
/// (Neo4j's REST representation): `metadata` {id, labels | type}, `data` (the properties and the
/// public key: n_id, g_id, u_id or p_id), `self` (where this API reads the node), and Neo4j's
/// other links, which have no counterpart in this API, as null.
/// </summary>
public static class QueryAnswerShapes
{
    private static readonly string[] NodeLinks =
    [
        "paged_traverse", "outgoing_relationships", "outgoing_typed_relationships", "create_relationship", "labels", "traverse",
        "all_relationships", "all_typed_relationships", "property", "incoming_relationships", "properties", "incoming_typed_relationships",
    ];

    private static readonly string[] RelationshipLinks = ["property", "properties", "extensions"];

    public static JsonObject Node(GraphNode node)
    {
        var data = JsonNode.Parse(node.PropertiesJson)!.AsObject();
        data[GraphAnswers.KeyName(node.Kind)] = node.Key.ToString();
        var answer = new JsonObject
        {
            ["metadata"] = new JsonObject { ["id"] = node.Id, ["labels"] = JsonNode.Parse(node.LabelsJson) },
            ["data"] = data,
            ["self"] = node.Kind switch
            {
                NodeKind.ProfileObject => $"/db/{VersionedRoutes.SupportedVersion}/profile_objects/{node.Key}",
                NodeKind.Group => $"/db/{VersionedRoutes.SupportedVersion}/groups/{node.Key}",
                _ => null,
            },
        };
        foreach (var link in NodeLinks)
        {
            answer[link] = null;
        }
        return answer;
    }

    public static JsonObject Relationship(GraphRelationship relationship)
    {
        var data = JsonNode.Parse(relationship.PropertiesJson)!.AsObject();
        data["p_id"] = relationship.PId.ToString();
        var answer = new JsonObject
        {
            ["metadata"] = new JsonObject { ["id"] = relationship.Id, ["type"] = relationship.Type },
            ["data"] = data,
            ["type"] = relationship.Type,
            ["start"] = relationship.StartId,
            ["end"] = relationship.EndId,
            ["self"] = null,
        };
        foreach (var link in RelationshipLinks)
        {
            answer[link] = null;
        }
        return answer;
    }
}
