namespace Raytio.Cypher.Compiler;

/// <summary>The variables an expression may name, each with its SQL.</summary>
internal sealed class Scope(IReadOnlyDictionary<string, SqlExpr> bindings)
{
    public static readonly Scope Empty = new(new Dictionary<string, SqlExpr>());

    public IReadOnlyDictionary<string, SqlExpr> Bindings { get; } = bindings;

    public bool TryGet(string name, out SqlExpr expr) => Bindings.TryGetValue(name, out expr!);

    public Scope With(string name, SqlExpr expr) => new(new Dictionary<string, SqlExpr>(Bindings, StringComparer.Ordinal) { [name] = expr });

    /// <summary>These bindings hide the same names of this scope.</summary>
    public Scope Overlay(IReadOnlyDictionary<string, SqlExpr> over)
    {
        var merged = new Dictionary<string, SqlExpr>(Bindings, StringComparer.Ordinal);
        foreach (var (name, expr) in over)
        {
            merged[name] = expr;
        }
        return new Scope(merged);
    }
}
