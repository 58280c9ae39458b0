using System.Text.Json.Nodes;
using Raytio.Server.Data;
using Raytio.Server.Features.AccessApplications;
using Raytio.Server.Features.Sharing;

namespace Raytio.Server.Features.SharingActions;

/// <summary>Writes the deliveries a transition owes, one row per destination, in the state change's own transaction.</summary>
public static class ActionOutbox
{
    public const string EventName = "instance.state_changed";
    public const int MaxCustomLength = 10_000;

    public static void Enqueue(RaytioDbContext db, ShareInstance instance, TransitionEdge edge, JsonObject? custom, DateTime now)
    {
        foreach (var action in edge.Actions)
        {
            foreach (var destination in action.Destinations)
            {
                db.ShareActions.Add(new ShareAction
                {
                    InstanceId = instance.Id,
                    ApplicationId = instance.ApplicationId,
                    FromState = edge.From,
                    ToState = edge.To,
                    Method = action.Method,
                    Destination = destination,
                    Template = action.Template,
                    BodyJson = Event(instance, edge, custom, now).ToJsonString(),
                    NextAttemptAt = now,
                    CreatedAt = now,
                });
            }
        }
    }

    /// <summary>The webhook body; an email's placeholders come from it too (and the instance's reference, kept beside it).</summary>
    private static JsonObject Event(ShareInstance instance, TransitionEdge edge, JsonObject? custom, DateTime now) => new()
    {
        ["event"] = EventName,
        ["i_id"] = instance.Id.ToString(),
        ["a_id"] = instance.ApplicationId.ToString(),
        ["from"] = edge.From,
        ["to"] = edge.To,
        ["custom"] = custom?.DeepClone() ?? new JsonObject(),
        ["occurred_at"] = InstanceAnswers.Date(now),
        ["reference"] = instance.Reference,
    };
}
