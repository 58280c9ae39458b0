namespace Raytio.Cypher.Syntax;

/// <summary>A place in the query text: 1-based line and column (columns count UTF-16 code units).</summary>
public readonly record struct Position(int Line, int Column)
{
    public override string ToString() => $"line {Line}, column {Column}";
}
