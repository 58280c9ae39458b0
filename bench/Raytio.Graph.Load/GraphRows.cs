using Raytio.Server.Features.Graph;

namespace Raytio.Graph.Load;

/// <summary>A current shared schema version: what an object of that schema records.</summary>
internal readonly record struct SchemaRef(Guid Id, string Name, int Version);

internal sealed record NodeRow(long Id, Guid Key, NodeKind Kind, string LabelsJson, string PropertiesJson, SchemaRef? Schema, DateTime CreatedAt);

internal sealed record RelationshipRow(long Id, Guid PId, long StartId, long EndId, string Type, Guid OriginId, DateTime CreatedAt);

/// <summary>An account the benchmark signs in as, and its graph node when it already has one.</summary>
internal sealed record BenchAccount(string Email, Guid UserId, long? NodeId);

/// <summary>What the loader needs to know of the database before it adds to it.</summary>
internal sealed record ExistingGraph(
    long NextNodeId,
    long NextRelationshipId,
    long PublicNodeId,
    IReadOnlyDictionary<string, SchemaRef> Schemas,
    BenchAccount Owner,
    BenchAccount Member,
    BenchAccount Grantor);

/// <summary>Which rows a pass writes (PostgreSQL copies one table at a time).</summary>
[Flags]
internal enum RowKinds
{
    Accounts = 1,
    Nodes = 2,
    Labels = 4,
    Relationships = 8,
    All = Accounts | Nodes | Labels | Relationships,
}
