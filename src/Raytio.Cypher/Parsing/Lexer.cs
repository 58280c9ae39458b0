using System.Globalization;
using System.Text;
using Raytio.Cypher.Syntax;

namespace Raytio.Cypher.Parsing;

/// <summary>
/// Splits a query into tokens with their positions. Whitespace and comments (`//` to the end of
/// the line, `/* */`) separate tokens and are dropped. Arrows are not tokens: openCypher allows
/// whitespace inside `&lt;-` and `-&gt;`, so the parser joins `&lt;`, `-` and `&gt;` itself.
/// </summary>
internal sealed class Lexer
{
    private readonly string _text;
    private readonly List<Token> _tokens = [];
    private int _offset;
    private int _line = 1;
    private int _lineStart;

    private Lexer(string text) => _text = text;

    public static List<Token> Tokenize(string text)
    {
        var lexer = new Lexer(text);
        lexer.Run();
        return lexer._tokens;
    }

    private void Run()
    {
        while (true)
        {
            SkipWhitespaceAndComments();
            if (_offset >= _text.Length)
            {
                _tokens.Add(new Token(TokenKind.EndOfInput, "", false, _offset, _offset, CurrentPosition()));
                return;
            }
            _tokens.Add(NextToken());
        }
    }

    private Position CurrentPosition() => new(_line, _offset - _lineStart + 1);

    private char Peek(int ahead = 0) => _offset + ahead < _text.Length ? _text[_offset + ahead] : '\0';

    /// <summary>Moves over one character, counting lines (\n, \r\n and \r each end one).</summary>
    private void Advance()
    {
        var c = _text[_offset++];
        if (c == '\n' || (c == '\r' && Peek() != '\n'))
        {
            _line++;
            _lineStart = _offset;
        }
    }

    private void SkipWhitespaceAndComments()
    {
        while (_offset < _text.Length)
        {
            if (char.IsWhiteSpace(Peek()))
            {
                Advance();
            }
            else if (Peek() == '/' && Peek(1) == '/')
            {
                while (_offset < _text.Length && Peek() != '\n' && Peek() != '\r')
                {
                    Advance();
                }
            }
            else if (Peek() == '/' && Peek(1) == '*')
            {
                var start = CurrentPosition();
                Advance();
                Advance();
                while (!(Peek() == '*' && Peek(1) == '/'))
                {
                    if (_offset >= _text.Length)
                    {
                        throw Errors.Syntax("'*/' closing the comment", start, "end of input");
                    }
                    Advance();
                }
                Advance();
                Advance();
            }
            else
            {
                return;
            }
        }
    }

    private Token NextToken()
    {
        var start = _offset;
        var position = CurrentPosition();
        var c = Peek();
        if (IsIdentifierStart(c))
        {
            while (IsIdentifierPart(Peek()))
            {
                Advance();
            }
            return new Token(TokenKind.Identifier, _text[start.._offset], false, start, _offset, position);
        }
        if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(Peek(1))))
        {
            return Number(start, position);
        }
        switch (c)
        {
            case '`':
                return new Token(TokenKind.Identifier, QuotedName(position), true, start, _offset, position);
            case '\'':
            case '"':
                return new Token(TokenKind.String, StringValue(c, position), false, start, _offset, position);
            case '$':
                return ParameterToken(start, position);
        }
        var (kind, length) = Punctuation(c, Peek(1));
        if (length == 0)
        {
            throw Errors.Syntax("a token", position, $"the character '{c}' (U+{(int)c:X4})");
        }
        for (var i = 0; i < length; i++)
        {
            Advance();
        }
        return new Token(kind, _text[start.._offset], false, start, _offset, position);
    }

    private static (TokenKind Kind, int Length) Punctuation(char c, char next) => (c, next) switch
    {
        ('.', '.') => (TokenKind.DotDot, 2),
        ('<', '=') => (TokenKind.LessOrEqual, 2),
        ('>', '=') => (TokenKind.GreaterOrEqual, 2),
        ('<', '>') => (TokenKind.NotEqual, 2),
        ('=', '~') => (TokenKind.RegexMatch, 2),
        ('!', '=') => (TokenKind.BangEqual, 2),
        ('(', _) => (TokenKind.LeftParen, 1),
        (')', _) => (TokenKind.RightParen, 1),
        ('[', _) => (TokenKind.LeftBracket, 1),
        (']', _) => (TokenKind.RightBracket, 1),
        ('{', _) => (TokenKind.LeftBrace, 1),
        ('}', _) => (TokenKind.RightBrace, 1),
        (',', _) => (TokenKind.Comma, 1),
        ('.', _) => (TokenKind.Dot, 1),
        (':', _) => (TokenKind.Colon, 1),
        ('|', _) => (TokenKind.Pipe, 1),
        (';', _) => (TokenKind.Semicolon, 1),
        ('-', _) => (TokenKind.Minus, 1),
        ('+', _) => (TokenKind.Plus, 1),
        ('*', _) => (TokenKind.Star, 1),
        ('/', _) => (TokenKind.Slash, 1),
        ('%', _) => (TokenKind.Percent, 1),
        ('<', _) => (TokenKind.Less, 1),
        ('>', _) => (TokenKind.Greater, 1),
        ('=', _) => (TokenKind.Equal, 1),
        ('^', _) => (TokenKind.Caret, 1),
        ('&', _) => (TokenKind.Ampersand, 1),
        ('!', _) => (TokenKind.Exclamation, 1),
        _ => (TokenKind.EndOfInput, 0),
    };

    private static bool IsIdentifierStart(char c) => char.IsLetter(c) || c == '_';

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';

    /// <summary>Digits, an optional fraction and exponent; `1..3` stays an integer followed by `..`.</summary>
    private Token Number(int start, Position position)
    {
        var isFloat = false;
        SkipDigits();
        if (Peek() == '.' && char.IsAsciiDigit(Peek(1)))
        {
            isFloat = true;
            Advance();
            SkipDigits();
        }
        if ((Peek() == 'e' || Peek() == 'E')
            && (char.IsAsciiDigit(Peek(1)) || ((Peek(1) == '+' || Peek(1) == '-') && char.IsAsciiDigit(Peek(2)))))
        {
            isFloat = true;
            Advance();
            Advance();
            SkipDigits();
        }
        if (IsIdentifierPart(Peek()))
        {
            throw Errors.Syntax("a number", position, $"'{_text[start.._offset]}{Peek()}'");
        }
        return new Token(isFloat ? TokenKind.Float : TokenKind.Integer, _text[start.._offset], false, start, _offset, position);
    }

    private void SkipDigits()
    {
        while (char.IsAsciiDigit(Peek()))
        {
            Advance();
        }
    }

    /// <summary>`name` with `` `` `` standing for one back-quote.</summary>
    private string QuotedName(Position position)
    {
        Advance();
        var name = new StringBuilder();
        while (true)
        {
            if (_offset >= _text.Length)
            {
                throw Errors.Syntax("'`' closing the name", position, "end of input");
            }
            if (Peek() == '`')
            {
                Advance();
                if (Peek() != '`')
                {
                    break;
                }
            }
            name.Append(Peek());
            Advance();
        }
        if (name.Length == 0)
        {
            throw Errors.Syntax("a name between the back-quotes", position, "'``'");
        }
        return name.ToString();
    }

    private Token ParameterToken(int start, Position position)
    {
        Advance();
        string name;
        if (Peek() == '`')
        {
            name = QuotedName(CurrentPosition());
        }
        else if (IsIdentifierStart(Peek()) || char.IsAsciiDigit(Peek()))
        {
            var nameStart = _offset;
            while (IsIdentifierPart(Peek()))
            {
                Advance();
            }
            name = _text[nameStart.._offset];
        }
        else
        {
            throw Errors.Syntax("a parameter name after '$'", CurrentPosition(), DescribeCharacter());
        }
        return new Token(TokenKind.Parameter, name, false, start, _offset, position);
    }

    private string DescribeCharacter() => _offset >= _text.Length ? "end of input" : $"'{Peek()}'";

    private string StringValue(char quote, Position position)
    {
        Advance();
        var value = new StringBuilder();
        while (true)
        {
            if (_offset >= _text.Length)
            {
                throw Errors.Syntax($"{quote} closing the string", position, "end of input");
            }
            var c = Peek();
            if (c == quote)
            {
                Advance();
                return value.ToString();
            }
            if (c == '\\')
            {
                AppendEscape(value);
            }
            else
            {
                value.Append(c);
                Advance();
            }
        }
    }

    private void AppendEscape(StringBuilder value)
    {
        var position = CurrentPosition();
        Advance();
        var c = Peek();
        if (_offset < _text.Length)
        {
            Advance();
        }
        switch (c)
        {
            case '\\' or '\'' or '"':
                value.Append(c);
                return;
            case 'n':
                value.Append('\n');
                return;
            case 't':
                value.Append('\t');
                return;
            case 'r':
                value.Append('\r');
                return;
            case 'b':
                value.Append('\b');
                return;
            case 'f':
                value.Append('\f');
                return;
            case 'u':
                value.Append((char)HexDigits(4, position));
                return;
            case 'U':
                var codePoint = HexDigits(8, position);
                if (codePoint < 0 || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
                {
                    throw Errors.Syntax("a Unicode code point", position, $"'\\U{codePoint:X8}'");
                }
                value.Append(char.ConvertFromUtf32(codePoint));
                return;
            default:
                throw Errors.Syntax(@"an escape (\\ \' \"" \n \t \r \b \f \uXXXX \UXXXXXXXX)", position, c == '\0' && _offset >= _text.Length ? "end of input" : $"'\\{c}'");
        }
    }

    private int HexDigits(int count, Position position)
    {
        if (_offset + count > _text.Length
            || !int.TryParse(_text.AsSpan(_offset, count), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
            || _text.AsSpan(_offset, count).ContainsAnyExcept("0123456789abcdefABCDEF"))
        {
            throw Errors.Syntax($"{count} hexadecimal digits after the escape", position, "something else");
        }
        for (var i = 0; i < count; i++)
        {
            Advance();
        }
        return value;
    }
}
