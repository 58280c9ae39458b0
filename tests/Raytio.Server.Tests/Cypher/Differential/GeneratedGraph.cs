namespace Raytio.Server.Tests.Cypher.Differential;

/// <summary>A node of a generated graph: one label, its key and its properties (null = missing).</summary>
public sealed record GeneratedNode(long Key, string Label, IReadOnlyDictionary<string, object?> Properties);

public sealed record GeneratedRelationship(string Type, GeneratedNode From, GeneratedNode To, long? Since);

public sealed record GeneratedGraph(IReadOnlyList<GeneratedNode> Nodes, IReadOnlyList<GeneratedRelationship> Relationships);

/// <summary>How big a generated graph is: CI uses tens of nodes, bench/ may use more.</summary>
public sealed record GraphSize(int Nodes, int Relationships)
{
    public static readonly GraphSize Small = new(40, 80);
}
