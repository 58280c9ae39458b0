using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Raytio.Cypher.Compiler;
using Raytio.Server.Data;
using Raytio.Server.Features.Graph;

namespace Raytio.Server.Features.CypherQueries;

/// <summary>
/// The JSON values of a query's rows with their node and relationship markers replaced by the
/// reference's shapes, read in one batch each. Only the query's own unguessable markers are
/// replaced: a map a caller put in `$params` or a property stays as it is.
/// </summary>
internal sealed class ResultValues
{
    private readonly ValueMarkers _markers;
    private readonly List<JsonNode?[]> _rows;
    private readonly HashSet<long> _nodeIds = [];
    private readonly HashSet<long> _relationshipIds = [];
    private Dictionary<long, GraphNode> _nodes = [];
    private Dictionary<long, GraphRelationship> _relationships = [];

    public ResultValues(ValueMarkers markers, IEnumerable<string[]> rows)
    {
        _markers = markers;
        _rows = [.. rows.Select(row => row.Select(cell => JsonNode.Parse(cell)).ToArray())];
        foreach (var cell in _rows.SelectMany(row => row))
        {
            Collect(cell);
        }
    }

    public async Task LoadAsync(RaytioDbContext db, CancellationToken cancellationToken)
    {
        if (_nodeIds.Count > 0)
        {
            var ids = _nodeIds.ToList();
            _nodes = await db.GraphNodes.AsNoTracking().Where(n => ids.Contains(n.Id)).ToDictionaryAsync(n => n.Id, cancellationToken);
        }
        if (_relationshipIds.Count > 0)
        {
            var ids = _relationshipIds.ToList();
            _relationships = await db.GraphRelationships.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        }
    }

    /// <summary>The n_ids of the profile objects the answer holds whole.</summary>
    public IEnumerable<Guid> ProfileObjectKeys => _nodes.Values.Where(n => n.Kind == NodeKind.ProfileObject).Select(n => n.Key);

    /// <summary>The rows as the answer's `data`; a node or relationship deleted since the query ran is null.</summary>
    public JsonArray Shape() =>
        new([.. _rows.Select(row => (JsonNode)new JsonArray([.. row.Select(cell => Replace(cell))]))]);

    private void Collect(JsonNode? value)
    {
        switch (value)
        {
            case JsonArray list:
                foreach (var item in list)
                {
                    Collect(item);
                }
                break;
            case JsonObject map when MarkerId(map, _markers.Node) is long node:
                _nodeIds.Add(node);
                break;
            case JsonObject map when MarkerId(map, _markers.Relationship) is long relationship:
                _relationshipIds.Add(relationship);
                break;
        }
    }

    private JsonNode? Replace(JsonNode? value) => value switch
    {
        JsonArray list => new JsonArray([.. list.Select(item => Replace(item))]),
        JsonObject map when MarkerId(map, _markers.Node) is long node =>
            _nodes.TryGetValue(node, out var found) ? QueryAnswerShapes.Node(found) : null,
        JsonObject map when MarkerId(map, _markers.Relationship) is long relationship =>
            _relationships.TryGetValue(relationship, out var found) ? QueryAnswerShapes.Relationship(found) : null,
        _ => value?.DeepClone(),
    };

    private static long? MarkerId(JsonObject map, string key) =>
        map.Count == 1 && map[key] is JsonValue id && id.GetValueKind() == JsonValueKind.Number ? id.GetValue<long>() : null;
}
