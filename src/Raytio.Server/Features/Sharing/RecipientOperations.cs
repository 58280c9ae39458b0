using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Raytio.Server.Data;
using Raytio.Server.Features.AccessApplications;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.ProfileObjects;
using Raytio.Server.Features.SharingActions;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Sharing;

/// <summary>
/// What an application's authorised users, or the application through its own token, do with
/// the instances shared with it (73, 83-85). Only instances within their dates, not withdrawn,
/// of a live application are visible; anything else is the same 404 as an unknown i_id.
/// </summary>
public sealed class RecipientOperations(
    RaytioDbContext db,
    ApplicationAccess applications,
    IContentStore content,
    AuditTrail audit,
    TimeProvider time,
    IOptions<SharingOptions> options,
    ILogger<RecipientOperations> logger)
{
    public async Task<JsonArray> ListAsync(ApplicationOrUser caller, Guid applicationId, InstanceListQuery query, CancellationToken cancellationToken)
    {
        var application = await applications.ForCallerAsync(caller, applicationId, cancellationToken);
        var now = time.UtcNowInMicroseconds();
        var visible = db.ShareInstances.AsNoTracking()
            .Where(i => i.ApplicationId == application.Id).OpenAt(now);
        var page = await query.PageAsync(visible, cancellationToken);
        return [.. page.Select(i => (JsonNode)InstanceAnswers.Summary(i))];
    }

    /// <summary>Operation 83: the instance with its snapshot and wrapped keys; records a view.</summary>
    public async Task<JsonObject> OneAsync(ApplicationOrUser caller, Guid instanceId, CancellationToken cancellationToken)
    {
        var instance = await VisibleAsync(caller, instanceId, cancellationToken);
        var loaded = await InstanceDetails.LoadAsync(db, instance, withKeys: true, cancellationToken);
        var actor = ActorOf(caller);
        var since = time.UtcNowInMicroseconds() - options.Value.ViewCoalesceWindow;
        // The newest events hold this actor's last view when it is recent (one per actor per window);
        // should a burst of other events push it out, the cost is one extra view row.
        if (!loaded.History.Any(e => e.Kind == InstanceHistory.View && e.Actor == actor && e.At > since))
        {
            loaded = loaded.With(await RecordViewAsync(caller, instance, null, cancellationToken));
        }
        return InstanceDetails.Answer(loaded, withKeys: true);
    }

    /// <summary>Operation 85: a shared object's content as it was shared, as a base64 string; records a view.</summary>
    public async Task<string> ContentAsync(ApplicationOrUser caller, Guid instanceId, Guid objectKey, CancellationToken cancellationToken)
    {
        var instance = await VisibleAsync(caller, instanceId, cancellationToken);
        var shared = await db.ShareInstanceObjects.AsNoTracking().FirstOrDefaultAsync(o => o.InstanceId == instance.Id && o.ObjectId == objectKey, cancellationToken)
            ?? throw ApiException.NotFound("profile_object_not_found", "No such profile object in this instance.");
        if (shared.ContentHash is null || shared.ContentLength is null)
        {
            throw ApiException.NotFound("content_not_found", "This profile object has no content.");
        }
        byte[] bytes;
        try
        {
            bytes = await content.ReadAsync(shared.ContentHash, shared.ContentLength.Value, cancellationToken);
        }
        catch (ContentUnavailableException unavailable)
        {
            logger.LogError(unavailable, "The shared content of {NId} in instance {IId} cannot be served", objectKey, instanceId);
            throw new ApiException(StatusCodes.Status500InternalServerError, "content_unavailable",
                "The content of this profile object is missing or damaged in the server's content store; the operator has been told.");
        }
        await RecordViewAsync(caller, instance, objectKey, cancellationToken);
        return Convert.ToBase64String(bytes);
    }

    /// <summary>Operation 84: moves `_state` along one of the application's transitions and queues its actions, in one transaction.</summary>
    public async Task<JsonObject> ChangeStateAsync(ApplicationOrUser caller, Guid instanceId, JsonElement body, CancellationToken cancellationToken)
    {
        var (to, custom) = ParseStateChange(body);
        var instance = await VisibleAsync(caller, instanceId, cancellationToken);
        var application = await applications.LiveAsync(instance.ApplicationId, cancellationToken);
        var from = instance.State;
        var machine = ApplicationTransitions.FromStored(application.TransitionsJson);
        var edge = machine.Edge(from, to);
        if (edge is null)
        {
            var next = machine.NextStates(from);
            throw ApiException.Invalid("_state", next.Count == 0
                ? $"'{from}' is a final state: the instance cannot move to '{to}'."
                : $"From '{from}' the instance may move only to {string.Join(", ", next.Select(s => $"'{s}'"))}, not '{to}'.");
        }
        var now = time.UtcNowInMicroseconds();
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var moved = await db.ShareInstances
            .Where(i => i.Id == instance.Id && i.State == from)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.State, to).SetProperty(i => i.UpdatedAt, now), cancellationToken);
        if (moved == 0)
        {
            throw ApiException.Conflict("state_changed", "The instance's state changed meanwhile; read it again.");
        }
        instance.State = to;
        instance.UpdatedAt = now;
        var actor = ActorOf(caller);
        db.ShareInstanceHistory.Add(new ShareInstanceEvent { InstanceId = instance.Id, At = now, Kind = InstanceHistory.State, Actor = actor, FromState = from, ToState = to });
        ActionOutbox.Enqueue(db, instance, edge, custom, now);
        audit.Record(AuditEventTypes.ShareStateChange, caller.UserId, instance.Id, new JsonObject
        {
            ["a_id"] = instance.ApplicationId.ToString(),
            ["actor"] = actor.ToString(),
            ["from"] = from,
            ["to"] = to,
            ["actions"] = edge.Actions.Sum(a => a.Destinations.Count),
        });
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return new JsonObject { ["instances"] = new JsonArray(InstanceAnswers.Summary(instance)) };
    }

    private static (string To, JsonObject? Custom) ParseStateChange(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw ApiException.BadRequest("validation_failed", "The request body must be a JSON object {_state, custom?}.");
        }
        var to = body.TryGetProperty("_state", out var state) && state.ValueKind == JsonValueKind.String && state.GetString() is { Length: > 0 and <= ApplicationTransitions.MaxStateLength } text
            ? text
            : throw ApiException.Invalid("_state", $"'_state' must be a non-empty string of at most {ApplicationTransitions.MaxStateLength} characters.");
        JsonObject? custom = null;
        if (body.TryGetProperty("custom", out var customElement) && customElement.ValueKind != JsonValueKind.Null)
        {
            custom = customElement.ValueKind == JsonValueKind.Object && customElement.GetRawText().Length <= ActionOutbox.MaxCustomLength
                ? JsonNode.Parse(customElement.GetRawText()) as JsonObject
                : throw ApiException.Invalid("custom", $"'custom' must be a JSON object of at most {ActionOutbox.MaxCustomLength} characters.");
        }
        return (to, custom);
    }

    /// <summary>The instance when the caller is a recipient and it is within its dates, not withdrawn and its application live.</summary>
    private async Task<ShareInstance> VisibleAsync(ApplicationOrUser caller, Guid instanceId, CancellationToken cancellationToken)
    {
        var now = time.UtcNowInMicroseconds();
        var live = db.AccessApplications.AsNoTracking().Where(a => a.DeletedAt == null);
        var found = await db.ShareInstances.AsNoTracking().OpenAt(now).Where(i => i.Id == instanceId)
            .Join(live, i => i.ApplicationId, a => a.Id, (i, a) => new { Instance = i, Application = a })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw SharerOperations.NotFound();
        var (instance, application) = (found.Instance, found.Application);
        var allowed = caller.ApplicationId is { } self
            ? self == application.Id
            : await applications.IsAuthorizedAsync(caller.UserId!.Value, application, cancellationToken);
        return allowed ? instance : throw SharerOperations.NotFound();
    }

    /// <summary>Records a view in the history and the audit trail (83 decides first whether a recent one stands for it; 85 always records).</summary>
    private async Task<ShareInstanceEvent> RecordViewAsync(ApplicationOrUser caller, ShareInstance instance, Guid? objectKey, CancellationToken cancellationToken)
    {
        var actor = ActorOf(caller);
        var view = new ShareInstanceEvent { InstanceId = instance.Id, At = time.UtcNowInMicroseconds(), Kind = InstanceHistory.View, Actor = actor };
        db.ShareInstanceHistory.Add(view);
        var details = new JsonObject { ["a_id"] = instance.ApplicationId.ToString(), ["actor"] = actor.ToString() };
        if (objectKey is { } key)
        {
            details["n_id"] = key.ToString();
        }
        audit.Record(AuditEventTypes.ShareView, caller.UserId, instance.Id, details);
        await db.SaveChangesAsync(cancellationToken);
        return view;
    }

    /// <summary>Who acted: the person, or the application (its a_id) through its own token.</summary>
    private static Guid ActorOf(ApplicationOrUser caller) => caller.UserId ?? caller.ApplicationId!.Value;
}
