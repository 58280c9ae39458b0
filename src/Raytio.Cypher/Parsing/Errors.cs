using Raytio.Cypher.Syntax;

namespace Raytio.Cypher.Parsing;

/// <summary>The parser's three kinds of refusal, worded the same way everywhere.</summary>
internal static class Errors
{
    public static CypherException Syntax(string expected, Position position, string found) =>
        new(CypherException.SyntaxCode, $"Expected {expected} at {position}, found {found}", position);

    public static CypherException SyntaxMessage(string message, Position position) =>
        new(CypherException.SyntaxCode, $"{message} at {position}", position);

    public static CypherException NotReadOnly(string clause, Position position) =>
        new(CypherException.NotReadOnlyCode, $"{clause} is not allowed at {position}: queries on this endpoint are read-only", position);

    public static CypherException Unsupported(string construct, Position position) =>
        new(CypherException.UnsupportedCode, $"{construct} is not supported at {position} (outside the openCypher subset of this endpoint)", position);
}
