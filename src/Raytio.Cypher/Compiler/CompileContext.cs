using System.Text.Json;

namespace Raytio.Cypher.Compiler;

/// <summary>
/// Who asks and within which limits. <see cref="Parameters"/> are the request's `params` (the
/// values of `$name`): they are needed at compile time because SKIP / LIMIT take them as numbers
/// and their JSON types decide nothing else; every value still reaches the SQL as a parameter.
/// </summary>
public sealed record CompileContext(
    ISqlDialect Dialect,
    GraphVisibility Visibility,
    int MaxVariableLength,
    int MaxRows,
    IReadOnlyDictionary<string, JsonElement>? Parameters = null,
    ValueMarkers? Markers = null)
{
    public ValueMarkers ResultMarkers => Markers ?? ValueMarkers.Plain;
}

/// <summary>
/// The caller's principals (node ids of their own user node, their groups and PUBLIC) and their
/// own user node (null for an anonymous caller, whose principals are PUBLIC alone).
/// </summary>
public sealed record GraphVisibility(IReadOnlyList<long> PrincipalIds, long? UserNodeId);
