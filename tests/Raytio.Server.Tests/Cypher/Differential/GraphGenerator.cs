namespace Raytio.Server.Tests.Cypher.Differential;

/// <summary>
/// Seeded random property graphs over <see cref="GraphVocabulary"/>: the same seed and size give
/// the same graph. Like the server (docs/GRAPH.md), no relationship joins a node to itself and at
/// most one relationship of a type goes from one node to another.
/// </summary>
public static class GraphGenerator
{
    private const double MissingProbability = 0.2;

    public static GeneratedGraph Generate(int seed, GraphSize size)
    {
        var random = new Random(seed);
        var nodes = new List<GeneratedNode>();
        for (var key = 1; key <= size.Nodes; key++)
        {
            var label = GraphVocabulary.LabelNames[random.Next(GraphVocabulary.LabelNames.Count)];
            var properties = new Dictionary<string, object?> { [GraphVocabulary.Key] = (long)key };
            foreach (var property in GraphVocabulary.Labels[label])
            {
                properties[property.Name] = random.NextDouble() < MissingProbability ? null : RandomValue(random, property.Type);
            }
            nodes.Add(new GeneratedNode(key, label, properties));
        }

        var relationships = new List<GeneratedRelationship>();
        var taken = new HashSet<(string, long, long)>();
        for (var attempt = 0; relationships.Count < size.Relationships && attempt < size.Relationships * 20; attempt++)
        {
            var shape = GraphVocabulary.Shapes[random.Next(GraphVocabulary.Shapes.Count)];
            var from = Pick(random, nodes, shape.From);
            var to = Pick(random, nodes, shape.To);
            if (from is null || to is null || from == to || !taken.Add((shape.Type, from.Key, to.Key)))
            {
                continue;
            }
            var since = random.NextDouble() < MissingProbability ? (long?)null : random.Next(1990, 2000);
            relationships.Add(new GeneratedRelationship(shape.Type, from, to, since));
        }
        return new GeneratedGraph(nodes, relationships);
    }

    /// <summary>A value of the type; floats are multiples of 0.25 so that sums are exact on both sides.</summary>
    public static object RandomValue(Random random, PropertyType type) => type switch
    {
        PropertyType.String => GraphVocabulary.Strings[random.Next(GraphVocabulary.Strings.Count)],
        PropertyType.Integer => (long)random.Next(-3, 20),
        PropertyType.Float => random.Next(-8, 40) * 0.25,
        _ => random.Next(2) == 0,
    };

    private static GeneratedNode? Pick(Random random, List<GeneratedNode> nodes, string label)
    {
        var candidates = nodes.Where(n => n.Label == label).ToList();
        return candidates.Count == 0 ? null : candidates[random.Next(candidates.Count)];
    }
}
