namespace Raytio.Cypher.Compiler;

/// <summary>
/// What differs between the engines. A Cypher value lives in SQL as JSON (TEXT on SQLite, jsonb
/// on PostgreSQL) with SQL NULL for null; nodes and relationships as their ids; predicates as
/// SQL booleans. Every argument is a SQL fragment the compiler made, never user text.
/// </summary>
public interface ISqlDialect
{
    /// <summary>A parameter holding JSON text, as a JSON value.</summary>
    string JsonParameter(string parameter);

    /// <summary>The parameter value that names <paramref name="key"/> for <see cref="JsonMember"/>.</summary>
    string MemberPath(string key);

    /// <summary>A member of a JSON object (JSON null read as SQL NULL).</summary>
    string JsonMember(string json, string pathParameter);

    /// <summary>The type of a JSON value: 'number', 'string', 'boolean', 'array', 'object' (NULL for NULL).</summary>
    string TypeOf(string json);

    /// <summary>Equality of two JSON values known to be of the same type.</summary>
    string JsonEquals(string left, string right);

    string AsText(string json);

    string AsNumber(string json);

    string AsBoolean(string json);

    /// <summary>Text compared by code point.</summary>
    string CodePointOrder(string text);

    string TextToJson(string text);

    string NumberToJson(string number);

    string BooleanToJson(string predicate);

    string GuidToJson(string guidColumn);

    string JsonObject(string constantKey, string nativeValue);

    string JsonArray(IReadOnlyList<string> jsonValues);

    /// <summary>collect(): the non-null values as a JSON array ('[]' when none).</summary>
    string CollectAggregate(string json, bool distinct);

    string ArrayLength(string json);

    /// <summary>A subquery source of the elements of a JSON array, column `value` as JSON.</summary>
    string ArrayElements(string json, string alias);

    string True { get; }

    string False { get; }

    /// <summary>A path of relationship ids built by a recursive CTE.</summary>
    string EmptyIdPath { get; }

    string AppendToIdPath(string path, string id);

    string IdPathContains(string path, string id);

    /// <summary>The path as a JSON array of {markerKey: id}, in order (the key is a constant of <see cref="ValueMarkers"/>).</summary>
    string IdPathToJson(string path, string markerKey);

    /// <summary>Whether two paths share a relationship.</summary>
    string IdPathsOverlap(string left, string right);

    string IdPathLength(string path);

    string LimitOffset(string? limit, string? skip);

    /// <summary>The column of a JSON value as a result: its JSON text, 'null' for NULL.</summary>
    string ResultText(string json);

    /// <summary>Written before the body of a CTE the planner should inline into each query that reads it.</summary>
    string InlinedCte { get; }

    /// <summary>
    /// The rows of <paramref name="select"/> (no WHERE of its own) that meet any of
    /// <paramref name="conditions"/>, each of which an index can drive.
    /// </summary>
    string AnyOf(string select, IReadOnlyList<string> conditions);

    string StartsWith(string text, string prefix);

    string EndsWith(string text, string suffix);

    string Contains(string text, string part);

    string ToLower(string text);

    string ToUpper(string text);

    string Divide(string left, string right);

    string Modulo(string left, string right);
}
