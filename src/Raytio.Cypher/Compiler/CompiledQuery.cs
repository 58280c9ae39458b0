namespace Raytio.Cypher.Compiler;

/// <summary>
/// SQL to run as is with <see cref="Parameters"/>; each row has one JSON text per column of
/// <see cref="Columns"/> (docs/CYPHER.md "Values"), at most <see cref="CompileContext.MaxRows"/> + 1 rows.
/// </summary>
public sealed record CompiledQuery(string Sql, IReadOnlyList<SqlParameter> Parameters, IReadOnlyList<string> Columns);

/// <summary>A parameter by its name in the SQL (without the `@`); values are string, long, double or null.</summary>
public sealed record SqlParameter(string Name, object? Value);
