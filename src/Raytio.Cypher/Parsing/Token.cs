using Raytio.Cypher.Syntax;

namespace Raytio.Cypher.Parsing;

/// <summary>
/// One lexeme: <see cref="Start"/> and <see cref="End"/> are offsets in the query text (for the
/// source text of projection items); <see cref="Text"/> is the identifier's name (unescaped),
/// the string's value, a number's digits or a parameter's name.
/// </summary>
internal readonly record struct Token(TokenKind Kind, string Text, bool Quoted, int Start, int End, Position Position)
{
    /// <summary>Keywords are plain identifiers compared case-insensitively; a back-quoted name is never one.</summary>
    public bool IsKeyword(string keyword) =>
        Kind == TokenKind.Identifier && !Quoted && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);

    /// <summary>How an error message names the token.</summary>
    public string Describe() => Kind switch
    {
        TokenKind.EndOfInput => "end of input",
        TokenKind.String => "a string literal",
        TokenKind.Parameter => $"'${Text}'",
        TokenKind.Identifier when Quoted => $"'`{Text}`'",
        _ => $"'{Text}'",
    };
}
