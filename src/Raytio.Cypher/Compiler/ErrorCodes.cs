namespace Raytio.Cypher.Compiler;

/// <summary>The <see cref="CypherException"/> codes the compiler raises (docs/CYPHER.md).</summary>
internal static class ErrorCodes
{
    public static CypherException NotSupported(string what, Syntax.Position? position = null) =>
        new(CypherException.UnsupportedCode, $"Not supported yet: {what}", position);

    public static CypherException Semantic(string message, Syntax.Position? position = null) => new(CypherException.SemanticsCode, message, position);
}
