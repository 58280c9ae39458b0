namespace Raytio.JsonCsv;

/// <summary>One entry of json2csv's <c>keys</c> option: a dotted key path, an optional header title, and whether it also selects every detected key below the path.</summary>
public sealed record KeySpec(string Field, string? Title = null, bool WildcardMatch = false);
