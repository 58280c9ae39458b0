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
/// Operation 34: one object or an array of them, all or nothing. Everything that can fail on the
/// request (schema, properties, labels, document) is checked first; documents are written to the
/// content store before the transaction, which then only inserts rows: every node in one save,
/// then every label, ownership and audit row in a second.
/// </summary>
public sealed class ProfileObjectCreator(
    RaytioDbContext db, ProfileSchemas schemas, GraphPrincipals principals, AuditTrail audit,
    IContentStore content, ContentCleanup cleanup, IOptions<ProfileObjectOptions> options, TimeProvider time)
{
    private sealed record NewObject(GraphNode Node, List<string> Labels, DocumentInput? Document);

    /// <summary>The created object, or an array of them when the body was an array.</summary>
    public async Task<JsonNode> CreateAsync(JsonElement body, Guid caller, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var items = RequestFields.Items(body, limits.MaxBatchSize, allowSingle: true);
        var now = time.GetUtcNow().UtcDateTime;
        var created = new List<NewObject>(items.Count);
        foreach (var (item, prefix) in items)
        {
            created.Add(await ParseAsync(item, prefix, caller, now, limits, cancellationToken));
        }

        var written = new List<string>();
        foreach (var document in created.Select(c => c.Document).OfType<DocumentInput>().DistinctBy(d => d.Hash))
        {
            if (await content.PutAsync(document.Hash, document.Content, cancellationToken))
            {
                written.Add(document.Hash);
            }
        }
        var committed = false;
        try
        {
            var owner = await principals.UserNodeAsync(caller, cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.GraphNodes.AddRange(created.Select(c => c.Node));
            await db.SaveChangesAsync(cancellationToken);
            foreach (var (node, labels, _) in created)
            {
                db.GraphLabels.AddRange(ProfileLabels.Rows(node.Id, labels));
                var ownership = DirectRelationship.Create(owner, node.Id, RelationshipTypes.IsOwner, now);
                db.GraphRelationships.Add(ownership);
                audit.Record(AuditEventTypes.ProfileCreate, caller, node.Key, new JsonObject
                {
                    ["n_id"] = node.Key.ToString(),
                    ["id"] = node.Id,
                    ["schema"] = node.SchemaName,
                    ["schema_version"] = node.SchemaVersion,
                    ["labels"] = new JsonArray([.. labels.Select(l => (JsonNode)l)]),
                    ["owner_p_id"] = ownership.PId.ToString(),
                });
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            committed = true;
        }
        finally
        {
            if (!committed)
            {
                db.ChangeTracker.Clear();
                await cleanup.DeleteUnreferencedAsync(written);
            }
        }

        var answers = created.Select(c => (JsonNode)GraphAnswers.Node(c.Node)).ToList();
        return body.ValueKind == JsonValueKind.Array ? new JsonArray([.. answers]) : answers[0];
    }

    private async Task<NewObject> ParseAsync(JsonElement item, string prefix, Guid caller, DateTime now, ProfileObjectOptions limits, CancellationToken cancellationToken)
    {
        var schemaField = $"{prefix}schema";
        var schema = await schemas.ResolveAsync(RequestFields.RequiredString(item, "schema", schemaField), caller, schemaField, cancellationToken);
        var labels = ProfileLabels.WithSchema(ProfileLabels.Parse(RequestFields.Optional(item, "labels"), $"{prefix}labels"), schema.Name);
        var properties = RequestFields.RequiredObject(item, "properties", $"{prefix}properties");
        PropertyRules.Check(properties, $"{prefix}properties");
        await schemas.ValidateAsync(schema, properties, $"{prefix}properties", cancellationToken);
        var document = RequestFields.Optional(item, "document") is { } given ? DocumentInput.Parse(given, $"{prefix}document", limits.MaxContentBytes) : null;
        var node = new GraphNode
        {
            Key = Guid.NewGuid(),
            Kind = NodeKind.ProfileObject,
            LabelsJson = ProfileLabels.ToJson(labels),
            PropertiesJson = properties.GetRawText(),
            SchemaId = schema.Id,
            SchemaName = schema.Name,
            SchemaVersion = schema.Version,
            ContentHash = document?.Hash,
            ContentType = document?.Type,
            ContentLength = document?.Content.LongLength,
            CreatedAt = now,
            UpdatedAt = now,
        };
        return new NewObject(node, labels, document);
    }
}
