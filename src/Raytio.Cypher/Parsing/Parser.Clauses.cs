using Raytio.Cypher.Syntax;

namespace Raytio.Cypher.Parsing;

internal sealed partial class Parser
{
    private const string ClauseExpected = "MATCH, OPTIONAL MATCH, WITH or RETURN";

    private Query ParseQuery()
    {
        var parts = new List<SingleQuery> { ParseSingleQuery() };
        var unionAll = new List<bool>();
        while (AcceptKeyword("UNION"))
        {
            unionAll.Add(AcceptKeyword("ALL"));
            parts.Add(ParseSingleQuery());
        }
        Accept(TokenKind.Semicolon);
        if (!At(TokenKind.EndOfInput))
        {
            ClauseGuard.RejectForbidden(_tokens, _index);
            if (IsClauseKeyword(Current))
            {
                throw Errors.SyntaxMessage($"RETURN can only be used at the end of the query, found {Current.Describe()}", Current.Position);
            }
            throw Errors.Syntax("UNION or the end of the query", Current.Position, Current.Describe());
        }
        return new Query(parts, unionAll);
    }

    private bool IsClauseKeyword(Token token) =>
        token.IsKeyword("MATCH") || token.IsKeyword("OPTIONAL") || token.IsKeyword("WITH") || token.IsKeyword("RETURN");

    private SingleQuery ParseSingleQuery()
    {
        var clauses = new List<Clause>();
        while (true)
        {
            ClauseGuard.RejectForbidden(_tokens, _index);
            if (AtKeyword("MATCH") || AtKeyword("OPTIONAL"))
            {
                clauses.Add(ParseMatch());
            }
            else if (AtKeyword("WITH"))
            {
                clauses.Add(ParseWith());
            }
            else if (AtKeyword("RETURN"))
            {
                var position = Advance().Position;
                clauses.Add(new ReturnClause(ParseProjection(requireAliases: false), position));
                return new SingleQuery(clauses);
            }
            else if (clauses.Count > 0 && (At(TokenKind.EndOfInput) || At(TokenKind.Semicolon) || AtKeyword("UNION")))
            {
                throw Errors.Syntax("RETURN (a query must end with RETURN)", Current.Position, Current.Describe());
            }
            else
            {
                throw Errors.Syntax(clauses.Count == 0 ? ClauseExpected : $"{ClauseExpected} (a query must end with RETURN)", Current.Position, Current.Describe());
            }
        }
    }

    private MatchClause ParseMatch()
    {
        var position = Current.Position;
        var optional = AcceptKeyword("OPTIONAL");
        ExpectKeyword("MATCH");
        var patterns = new List<PatternPart> { ParsePatternPart() };
        while (Accept(TokenKind.Comma))
        {
            patterns.Add(ParsePatternPart());
        }
        var where = AcceptKeyword("WHERE") ? ParseExpression() : null;
        return new MatchClause(optional, patterns, where, position);
    }

    private WithClause ParseWith()
    {
        var position = Advance().Position;
        var projection = ParseProjection(requireAliases: true);
        var where = AcceptKeyword("WHERE") ? ParseExpression() : null;
        return new WithClause(projection, where, position);
    }

    /// <summary>[DISTINCT] (`*` | item) {, item} [ORDER BY ...] [SKIP n] [LIMIT n].</summary>
    private Projection ParseProjection(bool requireAliases)
    {
        var distinct = AcceptKeyword("DISTINCT");
        var includeAll = Accept(TokenKind.Star);
        var items = new List<ProjectionItem>();
        if (!includeAll || Accept(TokenKind.Comma))
        {
            do
            {
                items.Add(ParseProjectionItem(requireAliases));
            }
            while (Accept(TokenKind.Comma));
        }
        var orderBy = new List<SortItem>();
        if (AcceptKeyword("ORDER"))
        {
            ExpectKeyword("BY");
            do
            {
                orderBy.Add(ParseSortItem());
            }
            while (Accept(TokenKind.Comma));
        }
        var skip = AcceptKeyword("SKIP") ? ParseExpression() : null;
        var limit = AcceptKeyword("LIMIT") ? ParseExpression() : null;
        return new Projection(distinct, includeAll, items, orderBy, skip, limit);
    }

    private ProjectionItem ParseProjectionItem(bool requireAlias)
    {
        var start = Current;
        var expression = ParseExpression();
        var text = _text[start.Start..PreviousEnd].Trim();
        string? alias = null;
        if (AcceptKeyword("AS"))
        {
            alias = ExpectName("an alias after AS");
        }
        else if (requireAlias && expression is not Variable)
        {
            throw Errors.SyntaxMessage($"The expression '{text}' in WITH must be aliased (use AS)", start.Position);
        }
        return new ProjectionItem(expression, alias, text);
    }

    private SortItem ParseSortItem()
    {
        var expression = ParseExpression();
        var descending = false;
        if (AcceptKeyword("DESC") || AcceptKeyword("DESCENDING"))
        {
            descending = true;
        }
        else if (!AcceptKeyword("ASC"))
        {
            AcceptKeyword("ASCENDING");
        }
        return new SortItem(expression, descending);
    }
}
