namespace Raytio.Server.Tests.Cypher.Differential;

/// <summary>
/// Rewrites a generated query into Kuzu's dialect with the same meaning as openCypher (Neo4j's
/// documented semantics). Each rule is listed in docs/CYPHER.md, "Differential test".
/// </summary>
public static class KuzuTranslation
{
    public static string Translate(GeneratedQuery query) =>
        CypherWriter.Write(query with { Parts = [.. query.Parts.Select(Translate)] });

    private static SingleQuery Translate(SingleQuery query)
    {
        var hidden = 0;
        var matches = new List<MatchClause>();
        foreach (var match in query.Matches)
        {
            matches.Add(DistinctRelationships(match, ref hidden));
        }
        return new SingleQuery(
            [.. matches.Select(m => m with { Where = m.Where is null ? null : Rewrite(m.Where) })],
            query.With is null ? null : query.With with { Where = query.With.Where is null ? null : Rewrite(query.With.Where) },
            query.Return with { Items = [.. query.Return.Items.Select(i => i with { Expression = Rewrite(i.Expression) })] });
    }

    /// <summary>
    /// Rule 1 (relationship uniqueness): Neo4j never binds one relationship twice in one MATCH;
    /// Kuzu does. Every relationship of the clause gets a name and each pair that could be the
    /// same relationship (a type in common) gets <c>id(a) &lt;&gt; id(b)</c>.
    /// Rule 2 (variable length): Kuzu walks by default; <c>* TRAIL</c> is Neo4j's semantics.
    /// </summary>
    private static MatchClause DistinctRelationships(MatchClause match, ref int hidden)
    {
        var named = new List<RelationshipPattern>();
        var patterns = new List<PathPattern>();
        foreach (var path in match.Patterns)
        {
            var hops = new List<Hop>();
            foreach (var hop in path.Hops)
            {
                var rel = hop.Relationship with { Trail = hop.Relationship.IsVariableLength };
                if (!rel.IsVariableLength)
                {
                    rel = rel with { Variable = rel.Variable ?? $"kuzu_r{hidden++}" };
                    named.Add(rel);
                }
                hops.Add(hop with { Relationship = rel });
            }
            patterns.Add(path with { Hops = hops });
        }
        var where = match.Where;
        for (var i = 0; i < named.Count; i++)
        {
            for (var j = i + 1; j < named.Count; j++)
            {
                if (named[i].Types.Intersect(named[j].Types).Any())
                {
                    Expr distinct = new BinaryExpr(Id(named[i]), "<>", Id(named[j]));
                    where = where is null ? distinct : new BinaryExpr(where, "AND", distinct);
                }
            }
        }
        return new MatchClause(match.Optional, patterns, where);
    }

    private static CallExpr Id(RelationshipPattern rel) => new("id", [new VariableExpr(rel.Variable!)]);

    private static readonly HashSet<string> Comparisons = ["=", "<>", "<", "<=", ">", ">="];

    /// <summary>Rules 3 to 10: functions Kuzu spells differently or lacks, aggregates over no rows, operators it answers differently.</summary>
    private static Expr Rewrite(Expr expression) => expression switch
    {
        // 3: a Kuzu node has one label, which label(n) answers as a string.
        CallExpr { Function: "labels" } c => new ListExpr([new CallExpr("label", c.Arguments)]),
        // 4: Kuzu has no type(); label(r) answers the relationship's type.
        CallExpr { Function: "type" } c => new CallExpr("label", c.Arguments),
        // 5: Kuzu has no exists(property).
        CallExpr { Function: "exists" } c => new IsNullExpr(Rewrite(c.Arguments[0]), Negated: true),
        // 6: Neo4j's sum over no (non-null) values is 0, Kuzu's is null.
        CallExpr { Function: "sum" } c => new CallExpr("coalesce", [c with { Arguments = [.. c.Arguments.Select(Rewrite)] }, new LiteralExpr(0L)]),
        // 7: Neo4j's collect over no (non-null) values is [], Kuzu's is null.
        CallExpr { Function: "collect" } c => new CallExpr("coalesce", [c with { Arguments = [.. c.Arguments.Select(Rewrite)] }, new ListExpr([])]),
        CallExpr c => c with { Arguments = [.. c.Arguments.Select(Rewrite)] },
        // 8: every string contains the empty string (Neo4j); Kuzu's CONTAINS '' is false. STARTS WITH ''
        // is true on a string and null otherwise in Kuzu too.
        BinaryExpr { Operator: "CONTAINS", Right: LiteralExpr { Value: "" } } b => b with { Left = Rewrite(b.Left), Operator = "STARTS WITH" },
        // 9: an integer property compared with a float in a WHERE loses rows in Kuzu 0.11.3 (its scan
        // filter); `x + 0.0` is the same number as a float, which it compares right.
        BinaryExpr b when Comparisons.Contains(b.Operator) && (TypeOf(b.Left), TypeOf(b.Right)) is (PropertyType.Integer, PropertyType.Float) or (PropertyType.Float, PropertyType.Integer) =>
            b with { Left = AsFloat(Rewrite(b.Left)), Right = AsFloat(Rewrite(b.Right)) },
        // 10: `x IN []` is false even when x is null (Neo4j: no element can match); Kuzu answers null.
        BinaryExpr { Operator: "IN", Right: ListExpr { Items.Count: 0 } } => new LiteralExpr(false),
        BinaryExpr b => b with { Left = Rewrite(b.Left), Right = Rewrite(b.Right) },
        NotExpr n => n with { Operand = Rewrite(n.Operand) },
        IsNullExpr n => n with { Operand = Rewrite(n.Operand) },
        ListExpr l => l with { Items = [.. l.Items.Select(Rewrite)] },
        _ => expression,
    };

    /// <summary>The type of a generated number expression, as far as rule 9 needs it.</summary>
    private static PropertyType? TypeOf(Expr expression) => expression switch
    {
        PropertyExpr p => GraphVocabulary.TypeOf(p.Property),
        LiteralExpr { Value: long } => PropertyType.Integer,
        LiteralExpr { Value: double } => PropertyType.Float,
        CallExpr { Function: "coalesce" } c => TypeOf(c.Arguments[0]),
        _ => null,
    };

    private static Expr AsFloat(Expr expression) =>
        TypeOf(expression) == PropertyType.Integer && expression is not LiteralExpr ? new BinaryExpr(expression, "+", new LiteralExpr(0.0)) : expression;
}
