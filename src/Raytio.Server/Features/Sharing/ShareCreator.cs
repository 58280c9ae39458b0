using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Raytio.Server.Data;
using Raytio.Server.Features.AccessApplications;
using Raytio.Server.Features.ApplicationRequests;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Graph;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Sharing;

/// <summary>
/// Share (`POST /share/{version}/access_applications/{a_id}/instances`): snapshots the objects
/// the caller owns or administers, with the relationships among them and their wrapped field
/// keys, into a new instance of a live application, in one transaction (docs/SHARING.md "Rules").
/// Sharing writes no permission relationship: recipients read only through the instance.
/// </summary>
public sealed class ShareCreator(
    RaytioDbContext db,
    PermissionService permissions,
    ApplicationAccess applications,
    ApplicationRequestChanges requests,
    AuditTrail audit,
    TimeProvider time,
    IOptions<SharingOptions> options)
{
    public const string ObjectsField = "profile_objects";

    public async Task<JsonObject> ShareAsync(Guid caller, Guid applicationId, JsonElement body, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var request = ShareRequest.Parse(body, limits);
        var application = await applications.LiveAsync(applicationId, cancellationToken);
        var now = time.UtcNowInMicroseconds();
        var endDate = request.EndDate ?? now + limits.DefaultDuration;
        if (endDate <= now || endDate > now + SharingLimits.MaxDuration)
        {
            throw ApiException.Invalid("end_date", "'end_date' must be after now and at most ten years on.");
        }
        var nodes = await permissions.RequireAllAsync(caller, request.Objects, NodeKind.ProfileObject, Permission.Admin, cancellationToken);
        await CheckKeysAsync(application.Id, request.Keys, nodes, cancellationToken);
        var nodeIds = nodes.Select(n => n.Id).ToList();
        var keyOf = nodes.ToDictionary(n => n.Id, n => n.Key);
        var objectTypes = RelationshipTypes.Permissions.Append(RelationshipTypes.BelongsTo).ToList();
        var relationships = await db.GraphRelationships.AsNoTracking()
            .Where(r => nodeIds.Contains(r.StartId) && nodeIds.Contains(r.EndId) && !objectTypes.Contains(r.Type))
            .Select(r => new { r.StartId, r.EndId, r.Type })
            .Distinct()
            .ToListAsync(cancellationToken);

        var instance = new ShareInstance
        {
            Id = Guid.NewGuid(),
            ApplicationId = application.Id,
            ApplicationName = application.Name,
            SharedBy = caller,
            StartDate = now,
            EndDate = endDate,
            Reference = request.Reference,
            ConfirmationCode = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture),
            Thread = Guid.NewGuid(),
            State = ApplicationTransitions.FromStored(application.TransitionsJson).InitialState,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        if (request.ShortCode is { } shortCode)
        {
            instance.ShortCode = (await requests.CompleteAsync(shortCode, caller, cancellationToken))?.ShortCode
                ?? throw ApiException.Invalid("short_code", "'short_code' names no live application request.");
        }
        db.ShareInstances.Add(instance);
        db.ShareInstanceObjects.AddRange(nodes.Select(n => new ShareInstanceObject
        {
            InstanceId = instance.Id,
            ObjectId = n.Key,
            LabelsJson = n.LabelsJson,
            PropertiesJson = n.PropertiesJson,
            SchemaName = n.SchemaName,
            SchemaVersion = n.SchemaVersion,
            ContentHash = n.ContentHash,
            ContentType = n.ContentType,
            ContentLength = n.ContentLength,
        }));
        db.ShareInstanceRelationships.AddRange(relationships.Select(r => new ShareInstanceRelationship
        {
            InstanceId = instance.Id,
            StartObjectId = keyOf[r.StartId],
            EndObjectId = keyOf[r.EndId],
            Type = r.Type,
        }));
        db.ShareInstanceKeys.AddRange(request.Keys.Select(k => new ShareInstanceKey
        {
            InstanceId = instance.Id,
            ObjectId = k.ObjectId,
            FieldName = k.FieldName,
            PublicKeyId = k.PublicKeyId,
            EncryptedKey = k.EncryptedKey,
        }));
        db.ShareInstanceHistory.Add(new ShareInstanceEvent { InstanceId = instance.Id, At = now, Kind = InstanceHistory.Shared, Actor = caller, ToState = instance.State });
        audit.Record(AuditEventTypes.ShareCreate, caller, instance.Id, new JsonObject
        {
            ["a_id"] = application.Id.ToString(),
            ["n_ids"] = new JsonArray([.. request.Objects.Select(id => (JsonNode)id.ToString())]),
            ["keys"] = request.Keys.Count,
        });
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return InstanceAnswers.Summary(instance);
    }

    /// <summary>Each key is for a field of a shared object and wrapped with a public key of this application.</summary>
    private async Task CheckKeysAsync(Guid applicationId, IReadOnlyList<ShareKeyRequest> keys, List<GraphNode> nodes, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return;
        }
        var publicKeyIds = keys.Select(k => k.PublicKeyId).Distinct().ToList();
        var known = await db.ApplicationPublicKeys.AsNoTracking()
            .Where(k => k.ApplicationId == applicationId && publicKeyIds.Contains(k.Id))
            .Select(k => k.Id)
            .ToListAsync(cancellationToken);
        var fields = nodes.ToDictionary(n => n.Key, n => JsonNode.Parse(n.PropertiesJson) as JsonObject ?? []);
        for (var i = 0; i < keys.Count; i++)
        {
            var key = keys[i];
            if (!fields.TryGetValue(key.ObjectId, out var properties))
            {
                throw ApiException.Invalid($"keys[{i}].n_id", $"'keys[{i}].n_id' must be one of the shared profile_objects.");
            }
            if (!properties.ContainsKey(key.FieldName))
            {
                throw ApiException.Invalid($"keys[{i}].field_name", $"'keys[{i}].field_name' must be a property of profile object {key.ObjectId}.");
            }
            if (!known.Contains(key.PublicKeyId))
            {
                throw ApiException.Invalid($"keys[{i}].public_key_n_id", $"'keys[{i}].public_key_n_id' must be a public key of this access application.");
            }
        }
    }
}
