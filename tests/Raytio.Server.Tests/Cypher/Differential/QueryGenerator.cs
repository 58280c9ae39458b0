namespace Raytio.Server.Tests.Cypher.Differential;

/// <summary>
/// Seeded random queries from the subset's grammar over <see cref="GraphVocabulary"/>, written so
/// that openCypher and Kuzu (after <see cref="KuzuTranslation"/>) must agree; the rules it keeps
/// are in docs/CYPHER.md, "Differential test". The same seed gives the same queries.
/// </summary>
public sealed class QueryGenerator(int seed)
{
    private static readonly string[] Comparisons = ["=", "<>", "<", "<=", ">", ">="];
    private static readonly string[] StringOperators = ["STARTS WITH", "ENDS WITH", "CONTAINS"];

    private readonly Random _random = new(seed);

    public GeneratedQuery Next()
    {
        if (Chance(0.1))
        {
            var types = Enumerable.Range(0, _random.Next(1, 3)).Select(_ => RandomType()).ToList();
            return new GeneratedQuery([new Scope(this).Single(types), new Scope(this).Single(types)], Chance(0.5));
        }
        return new GeneratedQuery([new Scope(this).Single(null)], false);
    }

    private bool Chance(double probability) => _random.NextDouble() < probability;

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private PropertyType RandomType() => (PropertyType)_random.Next(4);

    /// <summary>The variables one single query has bound so far.</summary>
    private sealed class Scope(QueryGenerator generator)
    {
        private readonly List<(string Name, string Label, bool Optional)> _nodes = [];
        private readonly List<(string Name, bool Optional)> _relationships = [];
        private int _columns;

        // Conditions read the variables from these positions on (an OPTIONAL MATCH's WHERE only its own).
        private (int Nodes, int Relationships) _readableFrom;

        private List<(string Name, string Label, bool Optional)> ReadableNodes => [.. _nodes.Skip(_readableFrom.Nodes)];

        private List<(string Name, bool Optional)> ReadableRelationships => [.. _relationships.Skip(_readableFrom.Relationships)];

        private Random Random => generator._random;

        /// <summary>A single query; with <paramref name="unionTypes"/>, a UNION part returning properties of those types.</summary>
        public SingleQuery Single(IReadOnlyList<PropertyType>? unionTypes)
        {
            var matches = new List<MatchClause> { Match(optional: false) };
            if (generator.Chance(0.35))
            {
                matches.Add(Match(optional: generator.Chance(0.6)));
            }
            var with = unionTypes is null && generator.Chance(0.15) ? With() : null;
            var projection = unionTypes is null ? Return() : UnionReturn(unionTypes);
            return new SingleQuery(matches, with, projection);
        }

        private MatchClause Match(bool optional)
        {
            var before = (_nodes.Count, _relationships.Count);
            var patterns = new List<PathPattern> { Path(optional, first: true) };
            // One part per OPTIONAL MATCH: when a second part fails to match, Kuzu 0.11.3 also nulls the
            // variables bound before the clause that it names (docs/CYPHER.md).
            if (!optional && generator.Chance(0.25))
            {
                patterns.Add(Path(optional, first: false));
            }
            // A variable-length relationship stands alone in its MATCH: Neo4j's relationship
            // uniqueness across it and other relationships has no short Kuzu spelling.
            if (patterns.Count > 1 || patterns[0].Hops.Count != 1)
            {
                patterns = [.. patterns.Select(FixedLength)];
            }
            if (!generator.Chance(0.6))
            {
                return new MatchClause(optional, patterns, null);
            }
            // Kuzu 0.11.3 answers an OPTIONAL MATCH whose WHERE reads a null value bound before the
            // clause as if nothing matched (docs/CYPHER.md), so that WHERE reads only its own variables.
            _readableFrom = optional ? before : (0, 0);
            var where = Condition(2);
            _readableFrom = (0, 0);
            return new MatchClause(optional, patterns, where);
        }

        private static PathPattern FixedLength(PathPattern path) =>
            path with { Hops = [.. path.Hops.Select(h => h with { Relationship = h.Relationship with { MinHops = null, MaxHops = null } })] };

        private PathPattern Path(bool optional, bool first)
        {
            // An OPTIONAL MATCH starts from a bound node, so it keeps or nulls rows of the query so far;
            // other patterns mostly do too, which keeps cartesian products (and CI time) small.
            var start = _nodes.Count > 0 && (optional || !first || generator.Chance(0.8))
                ? Bound(generator.Pick(_nodes))
                : NewNode(generator.Pick(GraphVocabulary.LabelNames), optional);
            var hops = new List<Hop>();
            // An OPTIONAL MATCH part is never a lone bound node: Kuzu 0.11.3 multiplies rows for it.
            var hopCount = optional ? Random.Next(1, 3) : Random.Next(0, 3);
            var label = LabelOf(start.Variable);
            for (var i = 0; i < hopCount; i++)
            {
                var hop = NextHop(label, optional);
                hops.Add(hop);
                label = hop.Node.Label!;
            }
            return new PathPattern(start, hops);
        }

        private NodePattern Bound((string Name, string Label, bool Optional) node) => new(node.Name, null, []);

        private NodePattern NewNode(string label, bool optional)
        {
            var name = $"n{_nodes.Count}";
            _nodes.Add((name, label, optional));
            var properties = new List<KeyValuePair<string, object>>();
            if (generator.Chance(0.15))
            {
                var property = generator.Pick(GraphVocabulary.Labels[label]);
                properties.Add(KeyValuePair.Create(property.Name, GraphGenerator.RandomValue(Random, property.Type)));
            }
            return new NodePattern(name, label, properties);
        }

        /// <summary>
        /// A hop along a shape that exists from <paramref name="label"/> in the chosen direction
        /// (Kuzu answers wrong rows for OPTIONAL MATCH over a relationship no table connects).
        /// </summary>
        private Hop NextHop(string label, bool optional)
        {
            var options = GraphVocabulary.Shapes.SelectMany(s => new[]
            {
                (Shape: s, Direction: Direction.Right, Other: s.To, Ok: s.From == label),
                (Shape: s, Direction: Direction.Left, Other: s.From, Ok: s.To == label),
                (Shape: s, Direction: Direction.Both, Other: s.From == label ? s.To : s.From, Ok: s.From == label || s.To == label),
            }).Where(o => o.Ok).ToList();
            var (shape, direction, other, _) = generator.Pick(options);
            var types = new List<string> { shape.Type };
            var alternative = generator.Pick(GraphVocabulary.RelationshipTypes);
            if (generator.Chance(0.25) && !types.Contains(alternative))
            {
                types.Add(alternative);
            }
            var variableLength = generator.Chance(0.25);
            string? name = null;
            if (!variableLength && generator.Chance(0.5))
            {
                name = $"r{_relationships.Count}";
                _relationships.Add((name, optional));
            }
            var rel = new RelationshipPattern(name, types, direction, variableLength ? 1 : null, variableLength ? Random.Next(1, 3) : null);
            return new Hop(rel, NewNode(other, optional));
        }

        private string LabelOf(string variable) => _nodes.First(n => n.Name == variable).Label;

        private WithClause With()
        {
            var kept = _nodes.Where(_ => generator.Chance(0.6)).ToList();
            if (kept.Count == 0)
            {
                kept.Add(_nodes[0]);
            }
            _nodes.Clear();
            _nodes.AddRange(kept);
            _relationships.Clear();
            return new WithClause([.. kept.Select(n => n.Name)], generator.Chance(0.5) ? Condition(1) : null);
        }

        private ReturnClause Return()
        {
            var items = new List<ReturnItem>();
            var aggregate = generator.Chance(0.35);
            var keys = aggregate ? Random.Next(0, 3) : Random.Next(1, 4);
            for (var i = 0; i < keys; i++)
            {
                items.Add(new ReturnItem(Value(), Alias()));
            }
            if (aggregate)
            {
                for (var i = Random.Next(1, 3); i > 0; i--)
                {
                    items.Add(new ReturnItem(Aggregate(), Alias()));
                }
            }
            var distinct = !aggregate && generator.Chance(0.3);
            // ORDER BY every column makes the order total, so SKIP and LIMIT pick the same rows on
            // both sides; lists (collect, labels) are not ordered.
            if (items.Any(i => ReturnsList(i.Expression)) || !generator.Chance(0.4))
            {
                return new ReturnClause(distinct, items, [], null, null);
            }
            var order = items.Select(i => new SortItem(i.Alias, generator.Chance(0.4))).OrderBy(_ => Random.Next()).ToList();
            return new ReturnClause(distinct, items, order, generator.Chance(0.4) ? Random.Next(0, 4) : null, generator.Chance(0.5) ? Random.Next(1, 6) : null);
        }

        private static bool ReturnsList(Expr expression) => expression is CallExpr { Function: "collect" or "labels" };

        /// <summary>
        /// Properties of the given types, no expression twice: Kuzu 0.11.3 crashes on a UNION whose
        /// one part returns an expression twice and whose other does not.
        /// </summary>
        private ReturnClause UnionReturn(IReadOnlyList<PropertyType> types)
        {
            var items = new List<ReturnItem>();
            foreach (var type in types)
            {
                Expr value = PropertyOfType(type);
                while (items.Any(i => CypherWriter.Write(i.Expression) == CypherWriter.Write(value)))
                {
                    value = new CallExpr("coalesce", [PropertyOfType(type), new LiteralExpr(GraphGenerator.RandomValue(Random, type))]);
                }
                items.Add(new ReturnItem(value, Alias()));
            }
            return new ReturnClause(false, items, [], null, null);
        }

        private string Alias() => $"c{_columns++}";

        private PropertyExpr PropertyOfType(PropertyType type)
        {
            var node = generator.Pick(_nodes);
            var property = generator.Pick([.. GraphVocabulary.Labels[node.Label].Where(p => p.Type == type)]);
            return new PropertyExpr(node.Name, property.Name);
        }

        /// <summary>A property of a bound node or named relationship, with its type.</summary>
        private (PropertyExpr Expression, PropertyType Type) Property()
        {
            if (ReadableRelationships.Count > 0 && generator.Chance(0.15))
            {
                return (new PropertyExpr(generator.Pick(ReadableRelationships).Name, GraphVocabulary.Since.Name), PropertyType.Integer);
            }
            var node = generator.Pick(ReadableNodes);
            var property = generator.Chance(0.15)
                ? new PropertyDefinition(GraphVocabulary.Key, PropertyType.Integer)
                : generator.Pick(GraphVocabulary.Labels[node.Label]);
            return (new PropertyExpr(node.Name, property.Name), property.Type);
        }

        private Expr Value()
        {
            var (property, type) = Property();
            var required = _nodes.Where(n => !n.Optional).ToList();
            var requiredRelationships = _relationships.Where(r => !r.Optional).ToList();
            return Random.Next(10) switch
            {
                // labels() and type() of a null (unmatched OPTIONAL) variable differ in Kuzu's spelling.
                0 when required.Count > 0 => new CallExpr("labels", [new VariableExpr(generator.Pick(required).Name)]),
                1 when requiredRelationships.Count > 0 => new CallExpr("type", [new VariableExpr(generator.Pick(requiredRelationships).Name)]),
                2 when type == PropertyType.String => new CallExpr(generator.Chance(0.5) ? "toUpper" : "toLower", [property]),
                3 when type == PropertyType.String => new CallExpr("size", [property]),
                4 => new CallExpr("coalesce", [property, new LiteralExpr(GraphGenerator.RandomValue(Random, type))]),
                _ => property,
            };
        }

        private Expr Aggregate()
        {
            var (property, type) = Property();
            var numeric = type is PropertyType.Integer or PropertyType.Float;
            return Random.Next(7) switch
            {
                0 => new CountStarExpr(),
                1 => new CallExpr("count", [property]),
                2 => new CallExpr("collect", [property]),
                3 when type != PropertyType.Boolean => new CallExpr("min", [property]),
                4 when type != PropertyType.Boolean => new CallExpr("max", [property]),
                5 when numeric => new CallExpr("sum", [property]),
                6 when numeric => new CallExpr("avg", [property]),
                _ => new CountStarExpr(),
            };
        }

        private Expr Condition(int depth)
        {
            if (depth > 0 && generator.Chance(0.4))
            {
                return Random.Next(4) switch
                {
                    0 => new NotExpr(Condition(depth - 1)),
                    1 => new BinaryExpr(Condition(depth - 1), "AND", Condition(depth - 1)),
                    2 => new BinaryExpr(Condition(depth - 1), "OR", Condition(depth - 1)),
                    _ => new BinaryExpr(Condition(depth - 1), "XOR", Condition(depth - 1)),
                };
            }
            return Predicate();
        }

        private Expr Predicate()
        {
            var (property, type) = Property();
            Expr Literal() => new LiteralExpr(GraphGenerator.RandomValue(Random, type));
            switch (Random.Next(9))
            {
                case 0:
                    return new IsNullExpr(property, generator.Chance(0.5));
                case 1:
                    return new BinaryExpr(property, "IN", new ListExpr([.. Enumerable.Range(0, Random.Next(0, 4)).Select(_ => Literal())]));
                case 2:
                    return new BinaryExpr(StringProperty(), generator.Pick(StringOperators), new LiteralExpr(Prefix(generator.Pick(GraphVocabulary.Strings))));
                case 3:
                    return new BinaryExpr(new CallExpr("toLower", [StringProperty()]), "=", new LiteralExpr(generator.Pick(GraphVocabulary.Strings)));
                case 4:
                    var (other, otherType) = Property();
                    return otherType == type || (IsNumber(type) && IsNumber(otherType))
                        ? new BinaryExpr(property, generator.Pick(Comparisons), other)
                        : new BinaryExpr(property, "=", Literal());
                case 5:
                    return new CallExpr("exists", [property]);
                case 6 when type == PropertyType.Integer:
                    // An integer compared with a float: numbers compare by value.
                    return new BinaryExpr(property, generator.Pick(Comparisons), new LiteralExpr(Random.Next(-8, 40) * 0.25 + 0.5));
                case 7:
                    return new BinaryExpr(new CallExpr("coalesce", [property, Literal()]), generator.Pick(Comparisons), Literal());
                default:
                    return new BinaryExpr(property, generator.Pick(Comparisons), Literal());
            }
        }

        private PropertyExpr StringProperty()
        {
            var node = generator.Pick(ReadableNodes);
            return new PropertyExpr(node.Name, generator.Pick([.. GraphVocabulary.Labels[node.Label].Where(p => p.Type == PropertyType.String)]).Name);
        }

        private string Prefix(string text) => text[..Math.Min(text.Length, Random.Next(0, 3))];

        private static bool IsNumber(PropertyType type) => type is PropertyType.Integer or PropertyType.Float;
    }
}
