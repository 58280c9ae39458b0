using System.Globalization;
using Raytio.Cypher.Syntax;

namespace Raytio.Cypher.Parsing;

/// <summary>
/// Expressions, loosest first: OR, XOR, AND, NOT, comparisons (chained as in Neo4j:
/// `a &lt; b &lt; c` is `a &lt; b AND b &lt; c`), the predicates IN / STARTS WITH / ENDS WITH /
/// CONTAINS / IS [NOT] NULL (tighter than comparisons, as in openCypher's grammar), + -, * / %,
/// unary minus, then property access on atoms.
/// </summary>
internal sealed partial class Parser
{
    /// <summary>
    /// Words of the subset's grammar that cannot name a variable unless back-quoted (so `RETURN
    /// WHERE` is an error, not a variable); other keywords, such as CREATE, may (as in Neo4j).
    /// </summary>
    private static readonly HashSet<string> ReservedWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "MATCH", "OPTIONAL", "WHERE", "WITH", "RETURN", "ORDER", "BY", "SKIP", "LIMIT", "AND", "OR", "XOR", "NOT", "IN",
        "STARTS", "ENDS", "CONTAINS", "IS", "AS", "UNION", "DISTINCT", "ASC", "ASCENDING", "DESC", "DESCENDING",
        "WHEN", "THEN", "ELSE", "END", "TRUE", "FALSE", "NULL",
    };

    /// <summary>Whether the current token can be a variable's name.</summary>
    private bool AtVariable() => At(TokenKind.Identifier) && (Current.Quoted || !ReservedWords.Contains(Current.Text));

    private Expression ParseExpression()
    {
        using var scope = Nest(Current.Position);
        return ParseOr();
    }

    private Expression ParseOr() => ParseLeftAssociative("OR", BinaryOperator.Or, ParseXor);

    private Expression ParseXor() => ParseLeftAssociative("XOR", BinaryOperator.Xor, ParseAnd);

    private Expression ParseAnd() => ParseLeftAssociative("AND", BinaryOperator.And, ParseNot);

    private Expression ParseLeftAssociative(string keyword, BinaryOperator op, Func<Expression> operand)
    {
        var left = operand();
        while (AtKeyword(keyword))
        {
            var position = Advance().Position;
            left = new Binary(op, left, operand(), position);
        }
        return left;
    }

    private Expression ParseNot()
    {
        if (!AtKeyword("NOT"))
        {
            return ParseComparison();
        }
        var position = Advance().Position;
        using var scope = Nest(position);
        return new Unary(UnaryOperator.Not, ParseNot(), position);
    }

    private Expression ParseComparison()
    {
        var left = ParsePredicates();
        Expression? chain = null;
        while (ComparisonOperator() is { } op)
        {
            var position = Advance().Position;
            var right = ParsePredicates();
            var comparison = new Binary(op, left, right, position);
            chain = chain is null ? comparison : new Binary(BinaryOperator.And, chain, comparison, position);
            left = right;
        }
        return chain ?? left;
    }

    private BinaryOperator? ComparisonOperator() => Current.Kind switch
    {
        TokenKind.Equal => BinaryOperator.Equal,
        TokenKind.NotEqual => BinaryOperator.NotEqual,
        TokenKind.Less => BinaryOperator.Less,
        TokenKind.LessOrEqual => BinaryOperator.LessOrEqual,
        TokenKind.Greater => BinaryOperator.Greater,
        TokenKind.GreaterOrEqual => BinaryOperator.GreaterOrEqual,
        TokenKind.BangEqual => throw Errors.Syntax("'<>' (Cypher's not-equal operator)", Current.Position, "'!='"),
        _ => null,
    };

    private Expression ParsePredicates()
    {
        var left = ParseAdditive();
        while (true)
        {
            var position = Current.Position;
            if (AcceptKeyword("IN"))
            {
                left = new Binary(BinaryOperator.In, left, ParseAdditive(), position);
            }
            else if (AcceptKeyword("STARTS"))
            {
                ExpectKeyword("WITH");
                left = new Binary(BinaryOperator.StartsWith, left, ParseAdditive(), position);
            }
            else if (AcceptKeyword("ENDS"))
            {
                ExpectKeyword("WITH");
                left = new Binary(BinaryOperator.EndsWith, left, ParseAdditive(), position);
            }
            else if (AcceptKeyword("CONTAINS"))
            {
                left = new Binary(BinaryOperator.Contains, left, ParseAdditive(), position);
            }
            else if (AcceptKeyword("IS"))
            {
                var negated = AcceptKeyword("NOT");
                if (At(TokenKind.Colon) || AtKeyword("TYPED"))
                {
                    throw Errors.Unsupported("Type predicates (IS :: TYPE)", Current.Position);
                }
                if (AtKeyword("NORMALIZED") || AtKeyword("NFC") || AtKeyword("NFD") || AtKeyword("NFKC") || AtKeyword("NFKD"))
                {
                    throw Errors.Unsupported("Normalization predicates (IS NORMALIZED)", Current.Position);
                }
                ExpectKeyword("NULL");
                left = new IsNull(left, negated, position);
            }
            else if (At(TokenKind.RegexMatch))
            {
                throw Errors.Unsupported("Regular expression matching (=~)", position);
            }
            else
            {
                return left;
            }
        }
    }

    private Expression ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (At(TokenKind.Plus) || At(TokenKind.Minus))
        {
            var op = At(TokenKind.Plus) ? BinaryOperator.Add : BinaryOperator.Subtract;
            var position = Advance().Position;
            left = new Binary(op, left, ParseMultiplicative(), position);
        }
        return left;
    }

    private Expression ParseMultiplicative()
    {
        var left = ParseUnary();
        while (MultiplicativeOperator() is { } op)
        {
            var position = Advance().Position;
            left = new Binary(op, left, ParseUnary(), position);
        }
        return left;
    }

    private BinaryOperator? MultiplicativeOperator() => Current.Kind switch
    {
        TokenKind.Star => BinaryOperator.Multiply,
        TokenKind.Slash => BinaryOperator.Divide,
        TokenKind.Percent => BinaryOperator.Modulo,
        TokenKind.Caret => throw Errors.Unsupported("The power operator (^)", Current.Position),
        _ => null,
    };

    /// <summary>Unary minus; directly before a number it makes a negative literal (the only way to write -9223372036854775808).</summary>
    private Expression ParseUnary()
    {
        if (!At(TokenKind.Minus) && !At(TokenKind.Plus))
        {
            return ParsePostfix();
        }
        var sign = Advance();
        using var scope = Nest(sign.Position);
        var isNumber = At(TokenKind.Integer) || At(TokenKind.Float);
        var postfixFollows = PeekToken(1).Kind is TokenKind.Dot or TokenKind.LeftBracket;
        if (sign.Kind == TokenKind.Minus && isNumber && !postfixFollows)
        {
            return NumberLiteral(Advance(), negative: true, sign.Position);
        }
        var operand = ParseUnary();
        return sign.Kind == TokenKind.Minus ? new Unary(UnaryOperator.Negate, operand, sign.Position) : operand;
    }

    private Expression ParsePostfix()
    {
        var expression = ParseAtom();
        while (true)
        {
            if (Accept(TokenKind.Dot))
            {
                var name = ExpectName("a property name after '.'");
                if (At(TokenKind.LeftParen))
                {
                    throw Errors.Unsupported($"A namespaced function call (...{name}())", Current.Position);
                }
                expression = new PropertyAccess(expression, name, expression.Position);
            }
            else if (At(TokenKind.LeftBracket))
            {
                throw Errors.Unsupported("List indexing and slicing (x[i])", Current.Position);
            }
            else if (At(TokenKind.Colon))
            {
                throw Errors.Unsupported("A label expression outside a pattern (n:Label)", Current.Position);
            }
            else if (At(TokenKind.LeftBrace) && expression is Variable)
            {
                throw Errors.Unsupported("A map projection (n {...})", Current.Position);
            }
            else
            {
                return expression;
            }
        }
    }

    private Expression ParseAtom()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Integer:
            case TokenKind.Float:
                return NumberLiteral(Advance(), negative: false, token.Position);
            case TokenKind.String:
                Advance();
                return new Literal(token.Text, token.Position);
            case TokenKind.Parameter:
                Advance();
                return new Parameter(token.Text, token.Position);
            case TokenKind.LeftBracket:
                return ParseList();
            case TokenKind.LeftParen:
                return ParseParenthesised();
            case TokenKind.LeftBrace:
                throw Errors.Unsupported("A map literal ({...})", token.Position);
            case TokenKind.Identifier:
                return ParseNameAtom();
            default:
                throw Errors.Syntax("an expression", token.Position, token.Describe());
        }
    }

    private Literal NumberLiteral(Token token, bool negative, Position position)
    {
        var digits = negative ? "-" + token.Text : token.Text;
        if (token.Kind == TokenKind.Integer)
        {
            if (!long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
            {
                throw Errors.SyntaxMessage(
                    $"The integer {digits} is out of range (integers are 64-bit, from {long.MinValue} to {long.MaxValue})", token.Position);
            }
            return new Literal(integer, position);
        }
        var number = double.Parse(digits, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (double.IsInfinity(number))
        {
            throw Errors.SyntaxMessage($"The floating point number {digits} is out of range", token.Position);
        }
        return new Literal(number, position);
    }

    private Expression ParseParenthesised()
    {
        if (LooksLikePattern(_index))
        {
            throw Errors.Unsupported("A pattern expression ((a)-->(b)) outside MATCH", Current.Position);
        }
        Advance();
        var inner = ParseExpression();
        Expect(TokenKind.RightParen, "')'");
        return inner;
    }

    private ListLiteral ParseList()
    {
        var position = Advance().Position;
        if (At(TokenKind.Identifier) && PeekToken(1).IsKeyword("IN"))
        {
            throw Errors.Unsupported("A list comprehension ([x IN list ...])", position);
        }
        if ((At(TokenKind.LeftParen) && LooksLikePattern(_index))
            || (At(TokenKind.Identifier) && PeekToken(1).Kind == TokenKind.Equal && PeekToken(2).Kind == TokenKind.LeftParen && LooksLikePattern(_index + 2)))
        {
            throw Errors.Unsupported("A pattern comprehension ([(a)-->(b) | ...])", position);
        }
        var items = new List<Expression>();
        if (!At(TokenKind.RightBracket))
        {
            do
            {
                items.Add(ParseExpression());
            }
            while (Accept(TokenKind.Comma));
        }
        Expect(TokenKind.RightBracket, "']' or ',' in the list");
        return new ListLiteral(items, position);
    }

    private Expression ParseNameAtom()
    {
        var token = Current;
        var next = PeekToken(1);
        if (!token.Quoted)
        {
            var word = token.Text.ToUpperInvariant();
            switch (word)
            {
                case "TRUE" or "FALSE":
                    Advance();
                    return new Literal(word == "TRUE", token.Position);
                case "NULL":
                    Advance();
                    return new Literal(null, token.Position);
                case "CASE":
                    throw Errors.Unsupported("CASE expressions", token.Position);
                case "EXISTS" or "COUNT" or "COLLECT" when next.Kind == TokenKind.LeftBrace:
                    throw Errors.Unsupported($"{word} subqueries ({word} {{...}})", token.Position);
                case "SHORTESTPATH" or "ALLSHORTESTPATHS" when next.Kind == TokenKind.LeftParen:
                    throw Errors.Unsupported(token.Text, token.Position);
                case "REDUCE" when next.Kind == TokenKind.LeftParen:
                    throw Errors.Unsupported("reduce()", token.Position);
                case "ALL" or "ANY" or "NONE" or "SINGLE"
                    when next.Kind == TokenKind.LeftParen && PeekToken(2).Kind == TokenKind.Identifier && PeekToken(3).IsKeyword("IN"):
                    throw Errors.Unsupported($"List predicates ({token.Text}(x IN list ...))", token.Position);
            }
            if (ReservedWords.Contains(word))
            {
                throw Errors.Syntax("an expression", token.Position, token.Describe());
            }
        }
        Advance();
        return next.Kind == TokenKind.LeftParen ? ParseFunctionCall(token) : new Variable(token.Text, token.Position);
    }

    /// <summary>name( [DISTINCT] args ) or count(*); the name is checked by the compiler.</summary>
    private Expression ParseFunctionCall(Token name)
    {
        Advance();
        if (name.IsKeyword("count") && Accept(TokenKind.Star))
        {
            Expect(TokenKind.RightParen, "')' closing count(*)");
            return new CountStar(name.Position);
        }
        var distinct = AcceptKeyword("DISTINCT");
        var arguments = new List<Expression>();
        if (!At(TokenKind.RightParen))
        {
            do
            {
                arguments.Add(ParseExpression());
            }
            while (Accept(TokenKind.Comma));
        }
        Expect(TokenKind.RightParen, $"')' or ',' in the arguments of {name.Text}()");
        return new FunctionCall(name.Text, distinct, arguments, name.Position);
    }

    /// <summary>
    /// Whether the `(` at <paramref name="index"/> opens a pattern rather than a parenthesised
    /// expression: its matching `)` is followed by a relationship (`-[`, `--(`, `--&gt;`, `&lt;-[`, `&lt;--`).
    /// </summary>
    private bool LooksLikePattern(int index)
    {
        var depth = 0;
        for (var i = index; i < _tokens.Count; i++)
        {
            var kind = _tokens[i].Kind;
            if (kind == TokenKind.LeftParen)
            {
                depth++;
            }
            else if (kind == TokenKind.RightParen && --depth == 0)
            {
                var (first, second, third) = (Kind(i + 1), Kind(i + 2), Kind(i + 3));
                return (first, second) switch
                {
                    (TokenKind.Minus, TokenKind.LeftBracket) => true,
                    (TokenKind.Minus, TokenKind.Minus) => third is TokenKind.LeftParen or TokenKind.Greater,
                    (TokenKind.Less, TokenKind.Minus) => third is TokenKind.LeftBracket or TokenKind.Minus,
                    _ => false,
                };
            }
        }
        return false;
    }

    private TokenKind Kind(int index) => _tokens[Math.Min(index, _tokens.Count - 1)].Kind;
}
