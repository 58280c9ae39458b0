using Raytio.Cypher.Parsing;
using Raytio.Cypher.Syntax;

namespace Raytio.Cypher;

/// <summary>Parses the read-only openCypher subset of docs/CYPHER.md into the <see cref="Query"/> AST.</summary>
public static class CypherParser
{
    /// <exception cref="CypherException">
    /// `query_syntax` (malformed), `query_not_read_only` (a clause that writes or calls out) or
    /// `query_unsupported` (valid openCypher outside the subset); nothing else is thrown.
    /// </exception>
    public static Query Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parser.Parse(text);
    }
}
