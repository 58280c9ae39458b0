namespace Raytio.Cypher.Compiler;

/// <summary>The <see cref="CypherException"/> codes the compiler raises (docs/CYPHER.md).</summary>
internal static class ErrorCodes
{
    public const string Unsupported = "query_unsupported";
    public const string Semantics = "query_semantics";

    public static CypherException NotSupported(string what, Syntax.Position? position = null) =>
        new(Unsupported, $"Not supported yet: {what}", position);

    public static CypherException Semantic(string message, Syntax.Position? position = null) => new(Semantics, message, position);
}
