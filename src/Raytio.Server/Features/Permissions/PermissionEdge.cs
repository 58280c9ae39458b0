using System.Text.Json.Nodes;
using Raytio.Server.Features.Graph;

namespace Raytio.Server.Features.Permissions;

/// <summary>A permission relationship with the public ids of its two ends, as operations 48-49 show it.</summary>
public sealed record PermissionEdge(Guid PId, Guid OriginId, string Type, NodeKind StartKind, Guid StartKey, NodeKind EndKind, Guid EndKey)
{
    /// <summary>
    /// `{profile_objects: [{u_id} | {g_id}], relationships: [{start, end, p_id, type}]}`: the
    /// principals (each once, in order of first appearance) and the relationships by URN.
    /// </summary>
    public static JsonObject Answer(IReadOnlyList<PermissionEdge> edges)
    {
        var principals = edges.Select(e => (e.StartKind, e.StartKey)).Distinct()
            .Select(p => (JsonNode)new JsonObject { [GraphAnswers.KeyName(p.StartKind)] = p.StartKey.ToString() });
        var relationships = edges.Select(e => (JsonNode)new JsonObject
        {
            ["start"] = GraphAnswers.Urn(e.StartKind, e.StartKey),
            ["end"] = GraphAnswers.Urn(e.EndKind, e.EndKey),
            ["p_id"] = e.PId.ToString(),
            ["type"] = e.Type,
        });
        return new JsonObject
        {
            ["profile_objects"] = new JsonArray([.. principals]),
            ["relationships"] = new JsonArray([.. relationships]),
        };
    }

    /// <summary>The audit event's details: ids and the type, nothing else.</summary>
    public JsonObject AuditDetails() => new()
    {
        ["p_id"] = PId.ToString(),
        ["origin_id"] = OriginId.ToString(),
        ["type"] = Type,
        [GraphAnswers.KeyName(StartKind)] = StartKey.ToString(),
    };
}
