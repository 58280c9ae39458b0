using Raytio.Cypher.Syntax;

namespace Raytio.Cypher.Parsing;

/// <summary>
/// Recursive-descent parser of the read-only subset (docs/CYPHER.md, "Parser"). This part holds
/// the token cursor; clauses, patterns and expressions are in the other parts.
/// </summary>
internal sealed partial class Parser
{
    /// <summary>Nesting allowed in expressions; deeper input is refused before the stack is at risk.</summary>
    private const int MaximumDepth = 100;

    private readonly string _text;
    private readonly List<Token> _tokens;
    private int _index;
    private int _depth;

    private Parser(string text)
    {
        _text = text;
        _tokens = Lexer.Tokenize(text);
    }

    public static Query Parse(string text) => new Parser(text).ParseQuery();

    private Token Current => _tokens[_index];

    private Token PeekToken(int ahead) => _tokens[Math.Min(_index + ahead, _tokens.Count - 1)];

    /// <summary>The end offset of the last token consumed: where the source text of an expression stops.</summary>
    private int PreviousEnd => _index == 0 ? 0 : _tokens[_index - 1].End;

    private Token Advance()
    {
        var token = Current;
        if (token.Kind != TokenKind.EndOfInput)
        {
            _index++;
        }
        return token;
    }

    private bool At(TokenKind kind) => Current.Kind == kind;

    private bool AtKeyword(string keyword) => Current.IsKeyword(keyword);

    private bool Accept(TokenKind kind)
    {
        if (!At(kind))
        {
            return false;
        }
        Advance();
        return true;
    }

    private bool AcceptKeyword(string keyword)
    {
        if (!AtKeyword(keyword))
        {
            return false;
        }
        Advance();
        return true;
    }

    private Token Expect(TokenKind kind, string description)
    {
        if (!At(kind))
        {
            throw Errors.Syntax(description, Current.Position, Current.Describe());
        }
        return Advance();
    }

    private Token ExpectKeyword(string keyword)
    {
        if (!AtKeyword(keyword))
        {
            throw Errors.Syntax(keyword, Current.Position, Current.Describe());
        }
        return Advance();
    }

    /// <summary>A name (label, type, property key, alias): any identifier, keywords included.</summary>
    private string ExpectName(string description) => Expect(TokenKind.Identifier, description).Text;

    /// <summary>Counts one level of nesting for the duration of a using block.</summary>
    private DepthScope Nest(Position position)
    {
        if (++_depth > MaximumDepth)
        {
            throw Errors.SyntaxMessage($"The query is too deeply nested (more than {MaximumDepth} levels)", position);
        }
        return new DepthScope(this);
    }

    private readonly struct DepthScope(Parser parser) : IDisposable
    {
        public void Dispose() => parser._depth--;
    }
}
