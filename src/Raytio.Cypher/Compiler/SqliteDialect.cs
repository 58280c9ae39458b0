namespace Raytio.Cypher.Compiler;

/// <summary>SQLite: JSON as TEXT through its JSON functions (3.38 or later for -> and ->>).</summary>
public sealed class SqliteDialect : ISqlDialect
{
    public static readonly SqliteDialect Instance = new();

    public string JsonParameter(string parameter) => $"json({parameter})";

    public string MemberPath(string key)
    {
        if (key.Contains('"', StringComparison.Ordinal))
        {
            throw new CypherException(CypherException.UnsupportedCode, $"Property keys containing '\"' are not supported: {key}");
        }
        return $"$.\"{key}\"";
    }

    public string JsonMember(string json, string pathParameter) => $"NULLIF({json} -> {pathParameter}, 'null')";

    public string TypeOf(string json) =>
        $"(CASE json_type({json}) WHEN 'integer' THEN 'number' WHEN 'real' THEN 'number' WHEN 'text' THEN 'string' WHEN 'true' THEN 'boolean' WHEN 'false' THEN 'boolean' ELSE json_type({json}) END)";

    public string JsonEquals(string left, string right) => $"({left} ->> '$') = ({right} ->> '$')";

    public string AsText(string json) => $"({json} ->> '$')";

    public string AsNumber(string json) => $"({json} ->> '$')";

    public string AsBoolean(string json) => $"({json} ->> '$')";

    public string CodePointOrder(string text) => text;

    public string TextToJson(string text) => $"(CASE WHEN {text} IS NULL THEN NULL ELSE json_quote({text}) END)";

    public string NumberToJson(string number) => $"(CASE WHEN {number} IS NULL THEN NULL ELSE json_quote({number}) END)";

    public string BooleanToJson(string predicate) => $"(CASE WHEN {predicate} THEN 'true' WHEN NOT {predicate} THEN 'false' END)";

    public string GuidToJson(string guidColumn) => $"json_quote(lower({guidColumn}))";

    public string JsonObject(string constantKey, string nativeValue) => $"json_object('{constantKey}', {nativeValue})";

    public string JsonArray(IReadOnlyList<string> jsonValues) => $"json_array({string.Join(", ", jsonValues.Select(v => $"json({v})"))})";

    public string CollectAggregate(string json, bool distinct) =>
        $"json_group_array({(distinct ? "DISTINCT " : "")}json({json})) FILTER (WHERE {json} IS NOT NULL)";

    public string ArrayLength(string json) => $"json_array_length({json})";

    public string ArrayElements(string json, string alias) =>
        $"(SELECT NULLIF({json} -> fullkey, 'null') AS value FROM json_each({json})) {alias}";

    public string True => "1";

    public string False => "0";

    public string EmptyIdPath => "json_array()";

    public string AppendToIdPath(string path, string id) => $"json_insert({path}, '$[#]', {id})";

    public string IdPathContains(string path, string id) => $"EXISTS (SELECT 1 FROM json_each({path}) WHERE value = {id})";

    public string IdPathToJson(string path, string markerKey) =>
        $"(SELECT json_group_array(json_object('{markerKey}', value)) FROM (SELECT value FROM json_each({path}) ORDER BY key))";

    public string IdPathsOverlap(string left, string right) =>
        $"EXISTS (SELECT 1 FROM json_each({left}) a JOIN json_each({right}) b ON a.value = b.value)";

    public string IdPathLength(string path) => $"json_array_length({path})";

    public string LimitOffset(string? limit, string? skip) =>
        limit is null && skip is null ? "" : $" LIMIT {limit ?? "-1"}{(skip is null ? "" : $" OFFSET {skip}")}";

    public string ResultText(string json) => $"COALESCE({json}, 'null')";

    // SQLite flattens CTEs into the queries that read them on its own.
    public string InlinedCte => "";

    // One SELECT with OR, not a compound one: SQLite flattens a CTE into every query that reads
    // it, and a UNION ALL there splits each join into one branch per combination of its arms, so
    // preparing a pattern of a few nodes took tens of milliseconds. The OR still uses the indexes.
    public string AnyOf(string select, IReadOnlyList<string> conditions) =>
        $"{select} WHERE {string.Join(" OR ", conditions.Select(c => $"({c})"))}";

    public string StartsWith(string text, string prefix) => $"(substr({text}, 1, length({prefix})) = {prefix})";

    public string EndsWith(string text, string suffix) => $"(length({suffix}) = 0 OR substr({text}, -length({suffix})) = {suffix})";

    public string Contains(string text, string part) => $"(instr({text}, {part}) > 0)";

    public string ToLower(string text) => $"lower({text})";

    public string ToUpper(string text) => $"upper({text})";

    public string Divide(string left, string right) => $"({left} / {right})";

    public string Modulo(string left, string right) => $"({left} % {right})";
}
