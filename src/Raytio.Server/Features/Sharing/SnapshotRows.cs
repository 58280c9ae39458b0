using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;

namespace Raytio.Server.Features.Sharing;

/// <summary>
/// An instance's snapshot (objects, relationships and, for recipients, keys) read in one
/// statement: a UNION ALL of the three tables in one row shape. Reading an instance is a
/// recipient's hot path, and on PostgreSQL each statement is a round trip.
/// </summary>
internal static class SnapshotRows
{
    private const int ObjectPart = 0;
    private const int RelationshipPart = 1;
    private const int KeyPart = 2;

    /// <summary>One row of any of the three parts; each part fills the members its table has.</summary>
    private sealed class Row
    {
        public int Part { get; init; }
        public Guid First { get; init; }
        public Guid Second { get; init; }
        public string? Text1 { get; init; }
        public string? Text2 { get; init; }
        public string? Text3 { get; init; }
        public string? Text4 { get; init; }
        public string? Text5 { get; init; }
        public int? Number { get; init; }
        public long? Length { get; init; }
    }

    public sealed record Snapshot(List<ShareInstanceObject> Objects, List<ShareInstanceRelationship> Relationships, List<ShareInstanceKey> Keys);

    public static async Task<Snapshot> ReadAsync(RaytioDbContext db, Guid instanceId, bool withKeys, CancellationToken cancellationToken)
    {
        var rows = db.ShareInstanceObjects.AsNoTracking().Where(o => o.InstanceId == instanceId).Select(o => new Row
        {
            Part = ObjectPart,
            First = o.ObjectId,
            Second = o.ObjectId,
            Text1 = o.LabelsJson,
            Text2 = o.PropertiesJson,
            Text3 = o.SchemaName,
            Text4 = o.ContentHash,
            Text5 = o.ContentType,
            Number = o.SchemaVersion,
            Length = o.ContentLength,
        }).Concat(db.ShareInstanceRelationships.AsNoTracking().Where(r => r.InstanceId == instanceId).Select(r => new Row
        {
            Part = RelationshipPart,
            First = r.StartObjectId,
            Second = r.EndObjectId,
            Text1 = r.Type,
            Text2 = null,
            Text3 = null,
            Text4 = null,
            Text5 = null,
            Number = null,
            Length = null,
        }));
        if (withKeys)
        {
            rows = rows.Concat(db.ShareInstanceKeys.AsNoTracking().Where(k => k.InstanceId == instanceId).Select(k => new Row
            {
                Part = KeyPart,
                First = k.ObjectId,
                Second = k.PublicKeyId,
                Text1 = k.FieldName,
                Text2 = k.EncryptedKey,
                Text3 = null,
                Text4 = null,
                Text5 = null,
                Number = null,
                Length = null,
            }));
        }
        var read = await rows.ToListAsync(cancellationToken);
        return new Snapshot(
            [.. read.Where(r => r.Part == ObjectPart).Select(r => ObjectOf(instanceId, r))],
            [.. read.Where(r => r.Part == RelationshipPart).Select(r => new ShareInstanceRelationship { InstanceId = instanceId, StartObjectId = r.First, EndObjectId = r.Second, Type = r.Text1! })],
            [.. read.Where(r => r.Part == KeyPart).Select(r => new ShareInstanceKey { InstanceId = instanceId, ObjectId = r.First, PublicKeyId = r.Second, FieldName = r.Text1!, EncryptedKey = r.Text2! })]);
    }

    private static ShareInstanceObject ObjectOf(Guid instanceId, Row row) => new()
    {
        InstanceId = instanceId,
        ObjectId = row.First,
        LabelsJson = row.Text1!,
        PropertiesJson = row.Text2!,
        SchemaName = row.Text3,
        SchemaVersion = row.Number,
        ContentHash = row.Text4,
        ContentType = row.Text5,
        ContentLength = row.Length,
    };
}
