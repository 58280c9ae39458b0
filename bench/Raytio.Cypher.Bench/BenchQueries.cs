using System.Text.Json;

namespace Raytio.Cypher.Bench;

/// <summary>
/// One benchmark query: its Cypher text and parameters (operation 64 and Kuzu run the same text),
/// and the same question written by hand in SQL for each engine, with the visibility filter of
/// <see cref="HandSql.Visible"/>. <see cref="Ordered"/>: the answer's row order is part of it.
/// </summary>
internal sealed record BenchQuery(string Name, string Cypher, IReadOnlyDictionary<string, string> Parameters, Func<HandSql, string> Hand, bool Ordered)
{
    public IReadOnlyDictionary<string, JsonElement> JsonParameters =>
        Parameters.ToDictionary(p => p.Key, p => JsonSerializer.SerializeToElement(p.Value), StringComparer.Ordinal);
}

/// <summary>The four kinds of query issue 11 item 6 names, over the graph bench/Raytio.Graph.Load makes.</summary>
internal static class BenchQueries
{
    public const string Person = "ss_NZ_Person";
    public const string Email = "ss_Email";
    public const string Address = "ss_NZ_Person_ContactLocation_04";
    public const string Passport = "ss_NZ_Passport_19";
    public const string Verification = "ss_Verification";

    public static readonly IReadOnlyList<BenchQuery> All =
    [
        new("1-hop",
            $"MATCH (p:{Person})-[:HAS_EMAIL]->(e:{Email}) WHERE p.last_name = $last RETURN p.first_given_name AS first, e.email AS email",
            new Dictionary<string, string> { ["last"] = "Ngata" },
            sql => $"""
                {sql.Visible}
                SELECT {sql.Text("p", "first_given_name")}, {sql.Text("e", "email")}
                FROM visible vp CROSS JOIN graph_labels lp CROSS JOIN graph_nodes p
                CROSS JOIN graph_relationships r CROSS JOIN visible ve CROSS JOIN graph_labels le CROSS JOIN graph_nodes e
                WHERE lp.label = '{Person}' AND lp.node_id = vp.id AND p.id = vp.id AND {sql.Text("p", "last_name")} = @last
                  AND r.start_id = p.id AND r.type = 'HAS_EMAIL' AND ve.id = r.end_id
                  AND le.label = '{Email}' AND le.node_id = ve.id AND e.id = ve.id
                """,
            Ordered: false),
        new("2-hop",
            $"MATCH (p:{Person})-[:HAS_DOCUMENT]->(d:{Passport})-[:VERIFIED_BY]->(v:{Verification}) WHERE p.last_name = $last "
                + "RETURN p.first_given_name AS first, d.passport_number AS passport, v.n_id AS verification",
            new Dictionary<string, string> { ["last"] = "Ngata" },
            sql => $"""
                {sql.Visible}
                SELECT {sql.Text("p", "first_given_name")}, {sql.Text("d", "passport_number")}, {sql.Key("v")}
                FROM visible vp CROSS JOIN graph_labels lp CROSS JOIN graph_nodes p
                CROSS JOIN graph_relationships r1 CROSS JOIN visible vd CROSS JOIN graph_labels ld CROSS JOIN graph_nodes d
                CROSS JOIN graph_relationships r2 CROSS JOIN visible vv CROSS JOIN graph_labels lv CROSS JOIN graph_nodes v
                WHERE lp.label = '{Person}' AND lp.node_id = vp.id AND p.id = vp.id AND {sql.Text("p", "last_name")} = @last
                  AND r1.start_id = p.id AND r1.type = 'HAS_DOCUMENT' AND vd.id = r1.end_id
                  AND ld.label = '{Passport}' AND ld.node_id = vd.id AND d.id = vd.id
                  AND r2.start_id = d.id AND r2.type = 'VERIFIED_BY' AND vv.id = r2.end_id
                  AND lv.label = '{Verification}' AND lv.node_id = vv.id AND v.id = vv.id
                """,
            Ordered: false),
        new("filtered-count",
            $"MATCH (a:{Address}) WHERE a.city = $city RETURN count(*) AS addresses",
            new Dictionary<string, string> { ["city"] = "Wellington" },
            sql => $"""
                {sql.Visible}
                SELECT COUNT(*)
                FROM visible va CROSS JOIN graph_labels la CROSS JOIN graph_nodes a
                WHERE la.label = '{Address}' AND la.node_id = va.id AND a.id = va.id AND {sql.Text("a", "city")} = @city
                """,
            Ordered: false),
        new("aggregation",
            $"MATCH (p:{Person})-[:HAS_ADDRESS]->(a:{Address}) RETURN a.city AS city, count(*) AS people, min(p.date_of_birth) AS oldest ORDER BY city",
            new Dictionary<string, string>(),
            sql => $"""
                {sql.Visible}
                SELECT {sql.Text("a", "city")} AS city, COUNT(*), MIN({sql.Text("p", "date_of_birth")})
                FROM visible vp CROSS JOIN graph_labels lp CROSS JOIN graph_nodes p
                CROSS JOIN graph_relationships r CROSS JOIN visible va CROSS JOIN graph_labels la CROSS JOIN graph_nodes a
                WHERE lp.label = '{Person}' AND lp.node_id = vp.id AND p.id = vp.id
                  AND r.start_id = p.id AND r.type = 'HAS_ADDRESS' AND va.id = r.end_id
                  AND la.label = '{Address}' AND la.node_id = va.id AND a.id = va.id
                GROUP BY {sql.Text("a", "city")}
                ORDER BY city
                """,
            Ordered: true),
    ];
}

/// <summary>
/// The parts a hand-written query needs per engine. The visibility filter is written as the
/// server's list query reads it (docs/GRAPH.md): the caller's principals (their user node, their
/// groups, PUBLIC) and the nodes those hold a permission relationship on, a set made once and
/// joined for every node of the pattern. The queries join in the pattern's order with CROSS JOIN,
/// which fixes that order on SQLite (its planner has no statistics) and is an inner join to
/// PostgreSQL's planner.
/// </summary>
internal sealed record HandSql(bool Postgres)
{
    public string Visible => """
        WITH principals AS (
          SELECT @me AS id UNION ALL SELECT @public
          UNION ALL SELECT b.end_id FROM graph_relationships b WHERE b.start_id = @me AND b.type = 'BELONGS_TO'),
        visible AS (
          SELECT DISTINCT g.end_id AS id FROM graph_relationships g
          WHERE g.start_id IN (SELECT id FROM principals) AND g.type IN ('IS_OWNER', 'ADMINS', 'EDITS', 'VIEWS'))
        """;

    /// <summary>A property as text (every property these queries read is a string).</summary>
    public string Text(string node, string property) =>
        Postgres ? $"{node}.properties ->> '{property}'" : $"json_extract({node}.properties, '$.{property}')";

    /// <summary>The n_id as operation 64 answers it: a lower-case UUID string (SQLite stores upper case).</summary>
    public string Key(string node) => Postgres ? $"{node}.key::text" : $"lower({node}.key)";
}
