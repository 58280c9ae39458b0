using Raytio.Cypher.Syntax;

namespace Raytio.Cypher;

/// <summary>
/// A query this library will not run, with a message for the person who wrote it. The server
/// answers it as 400 with <see cref="Code"/>: `query_syntax` (malformed: the message names the
/// line, column and what was expected), `query_not_read_only` (a clause that writes or calls out,
/// named), `query_unsupported` (valid openCypher outside the subset), `query_semantics`
/// (e.g. an unknown variable).
/// </summary>
public sealed class CypherException(string code, string message, Position? position = null) : Exception(message)
{
    public const string SyntaxCode = "query_syntax";
    public const string NotReadOnlyCode = "query_not_read_only";
    public const string UnsupportedCode = "query_unsupported";
    public const string SemanticsCode = "query_semantics";

    public string Code { get; } = code;

    public Position? Position { get; } = position;
}
