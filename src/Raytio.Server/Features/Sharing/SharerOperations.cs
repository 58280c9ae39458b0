using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Features.AccessApplications;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Graph;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Sharing;

/// <summary>What the person who shared does with their instances: list (67), read (68), withdraw; and 74 for an object's administrators.</summary>
public sealed class SharerOperations(RaytioDbContext db, PermissionService permissions, AuditTrail audit, TimeProvider time)
{
    public const string RouteField = "i_id";

    public async Task<JsonArray> ListAsync(Guid caller, InstanceListQuery query, CancellationToken cancellationToken)
    {
        var page = await query.PageAsync(db.ShareInstances.AsNoTracking().Where(i => i.SharedBy == caller), cancellationToken);
        return [.. page.Select(i => (JsonNode)InstanceAnswers.Summary(i))];
    }

    public async Task<JsonObject> OneAsync(Guid caller, Guid instanceId, CancellationToken cancellationToken)
    {
        var instance = await db.ShareInstances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == instanceId && i.SharedBy == caller, cancellationToken)
            ?? throw NotFound();
        return await InstanceDetails.ReadAsync(db, instance, withKeys: false, cancellationToken);
    }

    /// <summary>Ends the recipients' access at once; the person keeps their own view of it.</summary>
    public async Task<JsonObject> WithdrawAsync(Guid caller, Guid instanceId, CancellationToken cancellationToken)
    {
        var now = time.UtcNowInMicroseconds();
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var withdrawn = await db.ShareInstances
            .Where(i => i.Id == instanceId && i.SharedBy == caller && i.WithdrawnAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.WithdrawnAt, now).SetProperty(i => i.UpdatedAt, now), cancellationToken);
        var instance = await db.ShareInstances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == instanceId && i.SharedBy == caller, cancellationToken)
            ?? throw NotFound();
        if (withdrawn == 0)
        {
            throw ApiException.Conflict("instance_withdrawn", "This instance was already withdrawn.");
        }
        db.ShareInstanceHistory.Add(new ShareInstanceEvent { InstanceId = instance.Id, At = now, Kind = InstanceHistory.Withdrawn, Actor = caller, FromState = instance.State });
        audit.Record(AuditEventTypes.ShareWithdraw, caller, instance.Id, new JsonObject { ["a_id"] = instance.ApplicationId.ToString() });
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return InstanceAnswers.Summary(instance);
    }

    /// <summary>Operation 74: the live applications an object was shared with, for holders of ADMINS or more on it.</summary>
    public async Task<JsonArray> ApplicationsOfAsync(Guid caller, Guid objectKey, CancellationToken cancellationToken)
    {
        await permissions.RequireAsync(caller, objectKey, NodeKind.ProfileObject, Permission.Admin, cancellationToken);
        var shared = db.ShareInstanceObjects.Where(o => o.ObjectId == objectKey).Select(o => o.InstanceId);
        var instances = await db.ShareInstances.AsNoTracking()
            .Where(i => shared.Contains(i.Id))
            .OrderByDescending(i => i.CreatedAt)
            .Select(i => new { i.Id, i.ApplicationId })
            .ToListAsync(cancellationToken);
        var applicationIds = instances.Select(i => i.ApplicationId).Distinct().ToList();
        var applications = await db.AccessApplications.AsNoTracking()
            .Where(a => applicationIds.Contains(a.Id) && a.DeletedAt == null)
            .ToListAsync(cancellationToken);
        return [.. applications.OrderBy(a => applicationIds.IndexOf(a.Id)).Select(a => (JsonNode)new JsonObject
        {
            ["a_id"] = a.Id.ToString(),
            ["name"] = a.Name,
            ["description"] = a.Description,
            ["picture"] = a.Picture,
            ["instances"] = new JsonArray([.. instances.Where(i => i.ApplicationId == a.Id).Select(i => (JsonNode)i.Id.ToString())]),
        })];
    }

    public static Guid ParseId(string? text) => GraphIds.Parse(RouteField, text);

    public static ApiException NotFound() => ApiException.NotFound("instance_not_found", "No such instance, or you may not see it.");
}
