using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;

namespace Raytio.Server.Features.Sharing;

/// <summary>An instance with its snapshot (objects, relationships), history and, for recipients, its wrapped keys (68, 83).</summary>
internal static class InstanceDetails
{
    /// <summary>
    /// How many of the newest history events an answer carries: every read by a recipient is a
    /// `view` event, so a much-read instance's history grows without bound; `history_count` says
    /// how many there are, and the audit trail keeps them all.
    /// </summary>
    public const int MaxHistoryEvents = 100;

    public static async Task<JsonObject> ReadAsync(RaytioDbContext db, ShareInstance instance, bool withKeys, CancellationToken cancellationToken)
    {
        var answer = InstanceAnswers.Summary(instance);
        var objects = await db.ShareInstanceObjects.AsNoTracking().Where(o => o.InstanceId == instance.Id).ToListAsync(cancellationToken);
        var relationships = await db.ShareInstanceRelationships.AsNoTracking().Where(r => r.InstanceId == instance.Id).ToListAsync(cancellationToken);
        var events = db.ShareInstanceHistory.AsNoTracking().Where(e => e.InstanceId == instance.Id);
        var history = await events.OrderByDescending(e => e.Id).Take(MaxHistoryEvents).ToListAsync(cancellationToken);
        var historyCount = history.Count < MaxHistoryEvents ? history.Count : await events.CountAsync(cancellationToken);
        answer["profile_objects"] = new JsonArray([.. objects.OrderBy(o => o.ObjectId).Select(o => (JsonNode)InstanceAnswers.Object(o))]);
        answer["relationships"] = new JsonArray([.. relationships.Select(r => (JsonNode)InstanceAnswers.Relationship(r))]);
        if (withKeys)
        {
            var keys = await db.ShareInstanceKeys.AsNoTracking().Where(k => k.InstanceId == instance.Id).ToListAsync(cancellationToken);
            answer["keys"] = new JsonArray([.. keys.OrderBy(k => k.ObjectId).ThenBy(k => k.FieldName, StringComparer.Ordinal).Select(k => (JsonNode)InstanceAnswers.Key(k))]);
        }
        answer["history"] = new JsonArray([.. history.AsEnumerable().Reverse().Select(e => (JsonNode)InstanceAnswers.Event(e))]);
        answer["history_count"] = historyCount;
        return answer;
    }
}
