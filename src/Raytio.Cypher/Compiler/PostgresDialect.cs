namespace Raytio.Cypher.Compiler;

/// <summary>PostgreSQL: JSON as jsonb with its operators.</summary>
public sealed class PostgresDialect : ISqlDialect
{
    public static readonly PostgresDialect Instance = new();

    public string JsonParameter(string parameter) => $"CAST({parameter} AS jsonb)";

    public string MemberPath(string key) => key;

    public string JsonMember(string json, string pathParameter) => $"NULLIF({json} -> CAST({pathParameter} AS text), 'null'::jsonb)";

    public string TypeOf(string json) => $"jsonb_typeof({json})";

    public string JsonEquals(string left, string right) => $"({left} = {right})";

    public string AsText(string json) => $"({json} #>> '{{}}')";

    // Guarded, not bare casts: PostgreSQL folds casts of parameters while planning, even in a
    // CASE arm that will not be taken, and a failed cast there fails the query.
    public string AsNumber(string json) => $"(CASE WHEN jsonb_typeof({json}) = 'number' THEN ({json})::numeric END)";

    public string AsBoolean(string json) => $"({json} = 'true'::jsonb)";

    public string CodePointOrder(string text) => $"({text}) COLLATE \"C\"";

    public string TextToJson(string text) => $"to_jsonb(CAST({text} AS text))";

    public string NumberToJson(string number) => $"to_jsonb({number})";

    public string BooleanToJson(string predicate) => $"to_jsonb({predicate})";

    public string GuidToJson(string guidColumn) => $"to_jsonb(CAST({guidColumn} AS text))";

    public string JsonObject(string constantKey, string nativeValue) => $"jsonb_build_object('{constantKey}', {nativeValue})";

    public string JsonArray(IReadOnlyList<string> jsonValues) => $"jsonb_build_array({string.Join(", ", jsonValues)})";

    public string CollectAggregate(string json, bool distinct) =>
        $"COALESCE(jsonb_agg({(distinct ? "DISTINCT " : "")}{json}) FILTER (WHERE {json} IS NOT NULL), '[]'::jsonb)";

    public string ArrayLength(string json) => $"jsonb_array_length({json})";

    public string ArrayElements(string json, string alias) =>
        $"(SELECT NULLIF(value, 'null'::jsonb) AS value FROM jsonb_array_elements({json})) {alias}";

    public string True => "TRUE";

    public string False => "FALSE";

    public string EmptyIdPath => "CAST(ARRAY[] AS bigint[])";

    public string AppendToIdPath(string path, string id) => $"({path} || {id})";

    public string IdPathContains(string path, string id) => $"({id} = ANY({path}))";

    public string IdPathToJson(string path, string markerKey) =>
        $"(SELECT COALESCE(jsonb_agg(jsonb_build_object('{markerKey}', x) ORDER BY i), '[]'::jsonb) FROM unnest({path}) WITH ORDINALITY AS u(x, i))";

    public string IdPathsOverlap(string left, string right) => $"({left} && {right})";

    public string IdPathLength(string path) => $"cardinality({path})";

    public string LimitOffset(string? limit, string? skip) =>
        (limit is null ? "" : $" LIMIT {limit}") + (skip is null ? "" : $" OFFSET {skip}");

    public string ResultText(string json) => $"COALESCE(CAST({json} AS text), 'null')";

    // A materialized vis_rels is a CTE scan without index or statistics: joined four to seven times
    // it got nested loops over cross products (16 s on 40 nodes); inlined, each read is an index
    // scan of graph_relationships checked against the materialized vis_nodes (under 0.2 s).
    public string InlinedCte => "NOT MATERIALIZED ";

    // PostgreSQL materializes a CTE read more than once: each arm of the union is one index scan.
    public string AnyOf(string select, IReadOnlyList<string> conditions) =>
        string.Join("\nUNION ALL\n", conditions.Select(c => $"{select} WHERE {c}"));

    public string StartsWith(string text, string prefix) => $"starts_with({text}, {prefix})";

    public string EndsWith(string text, string suffix) => $"(right({text}, length({suffix})) = {suffix})";

    public string Contains(string text, string part) => $"(strpos({text}, {part}) > 0)";

    public string ToLower(string text) => $"lower({text})";

    public string ToUpper(string text) => $"upper({text})";

    public string Divide(string left, string right) =>
        $"(CASE WHEN scale({left}) = 0 AND scale({right}) = 0 THEN trunc({left} / NULLIF({right}, 0)) ELSE CAST({left} AS float8) / NULLIF(CAST({right} AS float8), 0) END)";

    public string Modulo(string left, string right) => $"mod({left}, NULLIF({right}, 0))";
}
