using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Raytio.Server.Data;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Graph;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.ProfileObjects;

/// <summary>
/// Operation 35: an array of `{n_id, labels?, params}`, all or nothing. Each object needs EDITS;
/// `params` is a JSON merge patch of its properties, which must then still match the schema version
/// the object keeps. The writes are conditional on the object being unchanged since it was read,
/// so two updates racing cannot lose one another's changes (the loser answers 409).
/// </summary>
public sealed class ProfileObjectUpdater(
    RaytioDbContext db, PermissionService permissions, ProfileSchemas schemas, AuditTrail audit,
    IOptions<ProfileObjectOptions> options, TimeProvider time)
{
    private sealed record Change(GraphNode Node, string PropertiesJson, List<string>? Labels, JsonObject Event);

    public async Task<JsonArray> UpdateAsync(JsonElement body, Guid caller, CancellationToken cancellationToken)
    {
        var items = RequestFields.Items(body, options.Value.MaxBatchSize, allowSingle: false);
        var seen = new HashSet<Guid>();
        var changes = new List<Change>(items.Count);
        foreach (var (item, prefix) in items)
        {
            var change = await PrepareAsync(item, prefix, caller, cancellationToken);
            if (!seen.Add(change.Node.Key))
            {
                throw ApiException.Invalid($"{prefix}n_id", $"'{prefix}n_id' names an object this request already updates.");
            }
            changes.Add(change);
        }

        var now = time.GetUtcNow().UtcDateTime;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            foreach (var (node, propertiesJson, labels, details) in changes)
            {
                var labelsJson = labels is null ? node.LabelsJson : ProfileLabels.ToJson(labels);
                var written = await db.GraphNodes
                    .Where(n => n.Id == node.Id && n.UpdatedAt == node.UpdatedAt)
                    .ExecuteUpdateAsync(set => set
                        .SetProperty(n => n.PropertiesJson, propertiesJson)
                        .SetProperty(n => n.LabelsJson, labelsJson)
                        .SetProperty(n => n.UpdatedAt, now), cancellationToken);
                if (written == 0)
                {
                    throw ApiException.Conflict("conflict", $"Profile object {node.Key} changed while this update was made; read it again and retry.");
                }
                if (labels is not null)
                {
                    await db.GraphLabels.Where(l => l.NodeId == node.Id).ExecuteDeleteAsync(cancellationToken);
                    db.GraphLabels.AddRange(ProfileLabels.Rows(node.Id, labels));
                }
                audit.Record(AuditEventTypes.ProfileUpdate, caller, node.Key, details);
                node.PropertiesJson = propertiesJson;
                node.LabelsJson = labelsJson;
                node.UpdatedAt = now;
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return new JsonArray([.. changes.Select(c => (JsonNode)GraphAnswers.Node(c.Node))]);
    }

    private async Task<Change> PrepareAsync(JsonElement item, string prefix, Guid caller, CancellationToken cancellationToken)
    {
        var keyField = $"{prefix}n_id";
        var key = RequestFields.NodeKey(RequestFields.RequiredString(item, "n_id", keyField), keyField);
        var patchField = $"{prefix}params";
        var patch = RequestFields.Optional(item, "params");
        if (patch is { ValueKind: not JsonValueKind.Object })
        {
            throw ApiException.Invalid(patchField, $"'{patchField}' must be a JSON object (a merge patch of the properties).");
        }
        var labelsValue = RequestFields.Optional(item, "labels");
        if (patch is null && labelsValue is null)
        {
            throw ApiException.Invalid(patchField, $"'{patchField}' is required (or 'labels', to change only them).");
        }
        var requestLabels = labelsValue is null ? null : ProfileLabels.Parse(labelsValue, $"{prefix}labels");

        var node = await RequireEditAsync(caller, key, keyField, cancellationToken);
        var properties = JsonNode.Parse(node.PropertiesJson) as JsonObject ?? [];
        var patchNode = patch is { } given ? JsonNode.Parse(given.GetRawText())!.AsObject() : [];
        properties = (JsonObject)MergePatch.Apply(properties, patchNode)!;
        var propertiesJson = properties.ToJsonString();
        using (var document = JsonDocument.Parse(propertiesJson))
        {
            PropertyRules.Check(document.RootElement, patchField);
            if (await schemas.VersionAsync(node.SchemaId, cancellationToken) is { } schema)
            {
                await schemas.ValidateAsync(schema, document.RootElement, patchField, cancellationToken);
            }
        }
        var labels = requestLabels is null ? null : ProfileLabels.WithSchema(requestLabels, node.SchemaName);

        var changed = new JsonArray();
        foreach (var (name, _) in patchNode)
        {
            changed.Add(properties.TryGetPropertyValue(name, out var value)
                ? new JsonObject { ["property"] = name, ["hmac"] = await audit.HmacAsync(value, cancellationToken) }
                : new JsonObject { ["property"] = name, ["removed"] = true });
        }
        var details = new JsonObject
        {
            ["n_id"] = node.Key.ToString(),
            ["id"] = node.Id,
            ["schema"] = node.SchemaName,
            ["schema_version"] = node.SchemaVersion,
            ["changed"] = changed,
        };
        if (labels is not null)
        {
            details["labels"] = new JsonArray([.. labels.Select(l => (JsonNode)l)]);
        }
        return new Change(node, propertiesJson, labels, details);
    }

    /// <summary>The permission service's 404 / 403, naming the item.</summary>
    private async Task<GraphNode> RequireEditAsync(Guid caller, Guid key, string field, CancellationToken cancellationToken)
    {
        try
        {
            return await permissions.RequireAsync(caller, key, NodeKind.ProfileObject, Permission.Edit, cancellationToken);
        }
        catch (ApiException refused) when (refused.Status is StatusCodes.Status403Forbidden or StatusCodes.Status404NotFound)
        {
            throw new ApiException(refused.Status, refused.Code, $"'{field}': {refused.Message}", new Dictionary<string, string[]> { [field] = [refused.Message] });
        }
    }
}
