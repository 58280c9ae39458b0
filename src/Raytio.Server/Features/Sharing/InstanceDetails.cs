using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;

namespace Raytio.Server.Features.Sharing;

/// <summary>An instance with its snapshot (objects, relationships), history and, for recipients, its wrapped keys (68, 83).</summary>
internal static class InstanceDetails
{
    public static async Task<JsonObject> ReadAsync(RaytioDbContext db, ShareInstance instance, bool withKeys, CancellationToken cancellationToken)
    {
        var answer = InstanceAnswers.Summary(instance);
        var objects = await db.ShareInstanceObjects.AsNoTracking().Where(o => o.InstanceId == instance.Id).ToListAsync(cancellationToken);
        var relationships = await db.ShareInstanceRelationships.AsNoTracking().Where(r => r.InstanceId == instance.Id).ToListAsync(cancellationToken);
        var history = await db.ShareInstanceHistory.AsNoTracking().Where(e => e.InstanceId == instance.Id).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        answer["profile_objects"] = new JsonArray([.. objects.OrderBy(o => o.ObjectId).Select(o => (JsonNode)InstanceAnswers.Object(o))]);
        answer["relationships"] = new JsonArray([.. relationships.Select(r => (JsonNode)InstanceAnswers.Relationship(r))]);
        if (withKeys)
        {
            var keys = await db.ShareInstanceKeys.AsNoTracking().Where(k => k.InstanceId == instance.Id).ToListAsync(cancellationToken);
            answer["keys"] = new JsonArray([.. keys.OrderBy(k => k.ObjectId).ThenBy(k => k.FieldName, StringComparer.Ordinal).Select(k => (JsonNode)InstanceAnswers.Key(k))]);
        }
        answer["history"] = new JsonArray([.. history.Select(e => (JsonNode)InstanceAnswers.Event(e))]);
        return answer;
    }
}
