namespace Raytio.Cypher.Parsing;

internal enum TokenKind
{
    /// <summary>A name: plain (may be a keyword) or back-quoted (never a keyword).</summary>
    Identifier,
    String,
    Integer,
    Float,

    /// <summary>`$name` or `$0`; the token's Text is the name without `$`.</summary>
    Parameter,
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    LeftBrace,
    RightBrace,
    Comma,
    Dot,
    DotDot,
    Colon,
    Pipe,
    Semicolon,
    Minus,
    Plus,
    Star,
    Slash,
    Percent,
    Less,
    Greater,
    LessOrEqual,
    GreaterOrEqual,
    Equal,
    NotEqual,

    /// <summary>Operators of openCypher (or its dialects) outside the subset, lexed so the parser can name them: `^`, `=~`, `&amp;`, `!`, `!=`.</summary>
    Caret,
    RegexMatch,
    Ampersand,
    Exclamation,
    BangEqual,
    EndOfInput,
}
