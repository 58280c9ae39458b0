using System.Globalization;
using System.Text;

namespace Raytio.Server.Tests.Cypher.Differential;

/// <summary>Prints a <see cref="GeneratedQuery"/> as Cypher text (openCypher, or Kuzu's after KuzuTranslation).</summary>
public static class CypherWriter
{
    public static string Write(GeneratedQuery query) =>
        string.Join(query.UnionAll ? " UNION ALL " : " UNION ", query.Parts.Select(Write));

    private static string Write(SingleQuery query)
    {
        var text = new StringBuilder();
        foreach (var match in query.Matches)
        {
            text.Append(match.Optional ? "OPTIONAL MATCH " : "MATCH ");
            text.Append(string.Join(", ", match.Patterns.Select(Write)));
            AppendWhere(text, match.Where);
            text.Append(' ');
        }
        if (query.With is { } with)
        {
            text.Append("WITH ").Append(string.Join(", ", with.Variables));
            AppendWhere(text, with.Where);
            text.Append(' ');
        }
        var projection = query.Return;
        text.Append(projection.Distinct ? "RETURN DISTINCT " : "RETURN ");
        text.Append(string.Join(", ", projection.Items.Select(i => $"{Write(i.Expression)} AS {i.Alias}")));
        if (projection.OrderBy.Count > 0)
        {
            text.Append(" ORDER BY ").Append(string.Join(", ", projection.OrderBy.Select(s => s.Descending ? s.Alias + " DESC" : s.Alias)));
        }
        if (projection.Skip is { } skip)
        {
            text.Append(" SKIP ").Append(skip);
        }
        if (projection.Limit is { } limit)
        {
            text.Append(" LIMIT ").Append(limit);
        }
        return text.ToString();
    }

    private static void AppendWhere(StringBuilder text, Expr? where)
    {
        if (where is not null)
        {
            text.Append(" WHERE ").Append(Write(where));
        }
    }

    private static string Write(PathPattern path) =>
        Write(path.Start) + string.Concat(path.Hops.Select(h => Write(h.Relationship) + Write(h.Node)));

    private static string Write(NodePattern node) =>
        $"({node.Variable}{(node.Label is null ? "" : ":" + node.Label)}{Write(node.Properties)})";

    private static string Write(RelationshipPattern rel)
    {
        var length = rel.IsVariableLength ? $"*{(rel.Trail ? " TRAIL " : "")}{rel.MinHops}..{rel.MaxHops}" : "";
        var body = $"[{rel.Variable}:{string.Join("|", rel.Types)}{length}]";
        return rel.Direction switch
        {
            Direction.Right => $"-{body}->",
            Direction.Left => $"<-{body}-",
            _ => $"-{body}-",
        };
    }

    private static string Write(IReadOnlyList<KeyValuePair<string, object>> properties) =>
        properties.Count == 0 ? "" : " {" + string.Join(", ", properties.Select(p => $"{p.Key}: {Literal(p.Value)}")) + "}";

    public static string Write(Expr expression) => expression switch
    {
        PropertyExpr p => $"{p.Variable}.{p.Property}",
        VariableExpr v => v.Name,
        LiteralExpr l => Literal(l.Value),
        ListExpr l => "[" + string.Join(", ", l.Items.Select(Write)) + "]",
        BinaryExpr b => $"({Write(b.Left)} {b.Operator} {Write(b.Right)})",
        NotExpr n => $"(NOT {Write(n.Operand)})",
        IsNullExpr n => $"({Write(n.Operand)} IS {(n.Negated ? "NOT " : "")}NULL)",
        CallExpr c => $"{c.Function}({string.Join(", ", c.Arguments.Select(Write))})",
        CountStarExpr => "count(*)",
        _ => throw new ArgumentException($"unexpected expression {expression}"),
    };

    /// <summary>Generated strings hold no quote or backslash, so no escaping is needed.</summary>
    private static string Literal(object? value) => value switch
    {
        null => "null",
        string s => $"'{s}'",
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => d % 1 == 0 ? d.ToString("0.0", CultureInfo.InvariantCulture) : d.ToString("R", CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"unexpected literal {value.GetType()}"),
    };
}
