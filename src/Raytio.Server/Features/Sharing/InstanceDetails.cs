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

    /// <summary>An instance as read: its snapshot, its newest history events (oldest first) and how many events it has.</summary>
    public sealed record Loaded(ShareInstance Instance, SnapshotRows.Snapshot Snapshot, List<ShareInstanceEvent> History, int HistoryCount)
    {
        /// <summary>This instance with one more event, the oldest answered one dropped when the answer is full.</summary>
        public Loaded With(ShareInstanceEvent happened) =>
            this with { History = [.. History.Skip(History.Count >= MaxHistoryEvents ? 1 : 0), happened], HistoryCount = HistoryCount + 1 };
    }

    public static async Task<JsonObject> ReadAsync(RaytioDbContext db, ShareInstance instance, bool withKeys, CancellationToken cancellationToken) =>
        Answer(await LoadAsync(db, instance, withKeys, cancellationToken), withKeys);

    public static async Task<Loaded> LoadAsync(RaytioDbContext db, ShareInstance instance, bool withKeys, CancellationToken cancellationToken)
    {
        var snapshot = await SnapshotRows.ReadAsync(db, instance.Id, withKeys, cancellationToken);
        var events = db.ShareInstanceHistory.AsNoTracking().Where(e => e.InstanceId == instance.Id);
        var newest = await events.OrderByDescending(e => e.Id).Take(MaxHistoryEvents).ToListAsync(cancellationToken);
        var count = newest.Count < MaxHistoryEvents ? newest.Count : await events.CountAsync(cancellationToken);
        newest.Reverse();
        return new Loaded(instance, snapshot, newest, count);
    }

    public static JsonObject Answer(Loaded loaded, bool withKeys)
    {
        var answer = InstanceAnswers.Summary(loaded.Instance);
        var (objects, relationships, keys) = loaded.Snapshot;
        answer["profile_objects"] = new JsonArray([.. objects.OrderBy(o => o.ObjectId).Select(o => (JsonNode)InstanceAnswers.Object(o))]);
        answer["relationships"] = new JsonArray([.. relationships.Select(r => (JsonNode)InstanceAnswers.Relationship(r))]);
        if (withKeys)
        {
            answer["keys"] = new JsonArray([.. keys.OrderBy(k => k.ObjectId).ThenBy(k => k.FieldName, StringComparer.Ordinal).Select(k => (JsonNode)InstanceAnswers.Key(k))]);
        }
        answer["history"] = new JsonArray([.. loaded.History.Select(e => (JsonNode)InstanceAnswers.Event(e))]);
        answer["history_count"] = loaded.HistoryCount;
        return answer;
    }
}
