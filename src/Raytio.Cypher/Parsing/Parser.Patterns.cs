using System.Globalization;
using Raytio.Cypher.Syntax;

namespace Raytio.Cypher.Parsing;

internal sealed partial class Parser
{
    private PatternPart ParsePatternPart()
    {
        if (AtVariable() && PeekToken(1).Kind == TokenKind.Equal)
        {
            throw Errors.Unsupported("A path variable (p = ...)", Current.Position);
        }
        RejectShortestPath();
        var start = ParseNodePattern();
        var steps = new List<PatternStep>();
        while (At(TokenKind.Minus) || At(TokenKind.Less))
        {
            var relationship = ParseRelationshipPattern();
            steps.Add(new PatternStep(relationship, ParseNodePattern()));
        }
        return new PatternPart(start, steps);
    }

    private void RejectShortestPath()
    {
        if ((AtKeyword("shortestPath") || AtKeyword("allShortestPaths")) && PeekToken(1).Kind == TokenKind.LeftParen)
        {
            throw Errors.Unsupported(Current.Text, Current.Position);
        }
        if (AtKeyword("SHORTEST") || AtKeyword("ANY") || AtKeyword("ALL"))
        {
            throw Errors.Unsupported($"A path selector ({Current.Text.ToUpperInvariant()})", Current.Position);
        }
    }

    /// <summary>( [variable] {:Label} [{key: value, ...}] ).</summary>
    private NodePattern ParseNodePattern()
    {
        var position = Expect(TokenKind.LeftParen, "'(' starting a node pattern").Position;
        if (At(TokenKind.LeftParen))
        {
            throw Errors.Unsupported("A parenthesised path pattern", Current.Position);
        }
        var variable = AtVariable() ? Advance().Text : null;
        var labels = new List<string>();
        while (Accept(TokenKind.Colon))
        {
            RejectLabelExpression();
            labels.Add(ExpectName("a label after ':'"));
            RejectLabelExpression();
        }
        var properties = ParsePropertyMap();
        if (AtKeyword("WHERE"))
        {
            throw Errors.Unsupported("WHERE inside a pattern", Current.Position);
        }
        if (AtKeyword("IS"))
        {
            throw Errors.Unsupported("A label expression (IS Label)", Current.Position);
        }
        Expect(TokenKind.RightParen, "')' closing the node pattern");
        return new NodePattern(variable, labels, properties, position);
    }

    private void RejectLabelExpression()
    {
        if (At(TokenKind.Ampersand) || At(TokenKind.Exclamation) || At(TokenKind.Percent)
            || At(TokenKind.Pipe) || At(TokenKind.LeftParen))
        {
            throw Errors.Unsupported($"A label expression ({Current.Text})", Current.Position);
        }
    }

    /// <summary>
    /// [&lt;] - [ '[' detail ']' ] - [&gt;]; both arrow heads or none mean either direction.
    /// </summary>
    private RelationshipPattern ParseRelationshipPattern()
    {
        var position = Current.Position;
        var incoming = Accept(TokenKind.Less);
        Expect(TokenKind.Minus, "'-' of a relationship pattern");
        string? variable = null;
        var types = new List<string>();
        VariableLength? length = null;
        IReadOnlyList<PropertyEntry> properties = [];
        if (Accept(TokenKind.LeftBracket))
        {
            variable = AtVariable() ? Advance().Text : null;
            if (Accept(TokenKind.Colon))
            {
                types.Add(ParseRelationshipType());
                while (Accept(TokenKind.Pipe))
                {
                    Accept(TokenKind.Colon);
                    types.Add(ParseRelationshipType());
                }
            }
            if (Accept(TokenKind.Star))
            {
                length = ParseVariableLength();
            }
            properties = ParsePropertyMap();
            if (AtKeyword("WHERE"))
            {
                throw Errors.Unsupported("WHERE inside a pattern", Current.Position);
            }
            Expect(TokenKind.RightBracket, "']' closing the relationship pattern");
        }
        Expect(TokenKind.Minus, "'-' of a relationship pattern");
        var outgoing = Accept(TokenKind.Greater);
        if (At(TokenKind.LeftBrace))
        {
            throw Errors.Unsupported("A quantified path pattern", Current.Position);
        }
        var direction = (incoming, outgoing) switch
        {
            (true, false) => Direction.Incoming,
            (false, true) => Direction.Outgoing,
            _ => Direction.Either,
        };
        return new RelationshipPattern(variable, types, direction, length, properties, position);
    }

    private string ParseRelationshipType()
    {
        if (At(TokenKind.Ampersand) || At(TokenKind.Exclamation) || At(TokenKind.Percent) || At(TokenKind.LeftParen))
        {
            throw Errors.Unsupported($"A relationship type expression ({Current.Text})", Current.Position);
        }
        var type = ExpectName("a relationship type");
        if (At(TokenKind.Ampersand) || At(TokenKind.Exclamation))
        {
            throw Errors.Unsupported($"A relationship type expression ({Current.Text})", Current.Position);
        }
        return type;
    }

    /// <summary>After `*`: nothing, `n`, `n..m`, `..m` (1..m), `n..` or `..` (1..unbounded).</summary>
    private VariableLength ParseVariableLength()
    {
        var min = At(TokenKind.Integer) ? LengthBound() : null;
        if (!Accept(TokenKind.DotDot))
        {
            return new VariableLength(min, min);
        }
        var max = At(TokenKind.Integer) ? LengthBound() : null;
        return new VariableLength(min ?? 1, max);
    }

    private int? LengthBound()
    {
        var token = Advance();
        if (!int.TryParse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var bound))
        {
            throw Errors.SyntaxMessage($"The variable length bound {token.Text} is too large", token.Position);
        }
        return bound;
    }

    /// <summary>An optional {key: expression, ...} of a node or relationship pattern.</summary>
    private IReadOnlyList<PropertyEntry> ParsePropertyMap()
    {
        if (At(TokenKind.Parameter))
        {
            throw Errors.Unsupported("A parameter as a property map", Current.Position);
        }
        if (!Accept(TokenKind.LeftBrace))
        {
            return [];
        }
        var entries = new List<PropertyEntry>();
        if (!Accept(TokenKind.RightBrace))
        {
            do
            {
                var key = ExpectName("a property key");
                Expect(TokenKind.Colon, "':' after the property key");
                entries.Add(new PropertyEntry(key, ParseExpression()));
            }
            while (Accept(TokenKind.Comma));
            Expect(TokenKind.RightBrace, "'}' or ',' in the property map");
        }
        return entries;
    }
}
