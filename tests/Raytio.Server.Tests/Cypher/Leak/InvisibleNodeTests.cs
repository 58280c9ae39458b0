namespace Raytio.Server.Tests.Cypher.Leak;

/// <summary>
/// Hand-written leak tests (docs/CYPHER.md, "Leak suite"): each query over the <see cref="LeakScene"/>
/// answers Bob as if h did not exist, while Alice, who sees h, gets it (so each case can fail).
/// Rows are compared as multisets, lists inside them as multisets.
/// </summary>
public sealed class InvisibleNodeTests(LeakSceneFactory app) : IClassFixture<LeakSceneFactory>
{
    [Theory]
    // Counts and aggregates.
    [InlineData("MATCH (n:LABEL) RETURN count(*) AS c", """[[2]]""", """[[3]]""")]
    [InlineData("MATCH (n:LABEL) RETURN count(n.secret) AS c, sum(n.n) AS s", """[[0, 4]]""", """[[1, 6]]""")]
    [InlineData("MATCH (n:LABEL) RETURN max(n.name) AS m, min(n.secret) AS s", """[["c", null]]""", """[["h", "SECRET"]]""")]
    [InlineData("MATCH (n:LABEL) RETURN collect(n.name) AS names, size(collect(n.name)) AS k", """[[["a", "c"], 2]]""", """[[["a", "c", "h"], 3]]""")]
    [InlineData("MATCH (n:LABEL) RETURN collect(DISTINCT n.secret) AS s", """[[[]]]""", """[[["SECRET"]]]""")]
    [InlineData("MATCH (n:LABEL) WHERE exists(n.secret) RETURN n.name AS name", """[]""", """[["h"]]""")]
    // OPTIONAL MATCH: null, not the node.
    [InlineData("MATCH (a:LABEL {name: 'a'}) OPTIONAL MATCH (a)-[:LINKS]->(x) RETURN x.name AS x, x.secret AS s", """[[null, null]]""", """[["h", "SECRET"]]""")]
    [InlineData("OPTIONAL MATCH (x:LABEL {name: 'h'}) RETURN x.name AS x", """[[null]]""", """[["h"]]""")]
    [InlineData("MATCH (a:LABEL {name: 'a'}) OPTIONAL MATCH (a)-[r]-(x) WHERE x.secret IS NOT NULL RETURN type(r) AS t", """[[null]]""", """[["LINKS"]]""")]
    // Variable-length paths: none through h.
    [InlineData("MATCH (a:LABEL {name: 'a'})-[:LINKS*1..3]->(z) RETURN z.name AS z", """[]""", """[["h"], ["c"]]""")]
    [InlineData("MATCH (a:LABEL {name: 'a'})-[p:LINKS|NEAR*2]-(z) RETURN z.name AS z, size(p) AS k", """[]""", """[["c", 2], ["h", 2]]""")]
    [InlineData("MATCH (a:LABEL {name: 'a'})-[:LINKS|NEAR*0..3]-(z) RETURN DISTINCT z.name AS z", """[["a"], ["c"]]""", """[["a"], ["c"], ["h"]]""")]
    // labels(), id(), n_id and property filters cannot reach h.
    [InlineData("MATCH (n) WHERE id(n) = $hidden RETURN labels(n) AS l, n.name AS name", """[]""", """[[["LABEL"], "h"]]""")]
    [InlineData("MATCH (n {n_id: $hiddenKey}) RETURN id(n) = $hidden AS same", """[]""", """[[true]]""")]
    [InlineData("MATCH (n) WHERE n.n_id = $hiddenKey OR n.secret = $secret RETURN count(*) AS c", """[[0]]""", """[[1]]""")]
    [InlineData("MATCH ()-[r]->() WHERE id(r) = $rel RETURN type(r) AS t", """[]""", """[["LINKS"]]""")]
    // A relationship to h never matches, in either direction.
    [InlineData("MATCH (a:LABEL {name: 'a'})-[r]->(x) RETURN type(r) AS t, x.name AS x", """[]""", """[["LINKS", "h"]]""")]
    [InlineData("MATCH (c:LABEL {name: 'c'})<-[r]-(x:LABEL) RETURN type(r) AS t, x.name AS x", """[]""", """[["LINKS", "h"]]""")]
    [InlineData("MATCH (x:LABEL)-[r:LINKS]-(y) RETURN x.name AS x, y.name AS y", """[]""", """[["a", "h"], ["h", "a"], ["h", "c"], ["c", "h"]]""")]
    [InlineData("MATCH (x:LABEL)-[r:NEAR|LINKS]-(y:LABEL) RETURN type(r) AS t, count(*) AS c", """[["NEAR", 2]]""", """[["NEAR", 2], ["LINKS", 4]]""")]
    [InlineData("MATCH (u)-[r]->(x:LABEL {name: 'h'}) RETURN type(r) AS t", """[]""", """[["IS_OWNER"], ["LINKS"]]""")]
    // UNION parts.
    [InlineData("MATCH (n:LABEL {name: 'a'}) RETURN n.name AS name UNION MATCH (n:LABEL) WHERE n.secret IS NOT NULL RETURN n.name AS name", """[["a"]]""", """[["a"], ["h"]]""")]
    [InlineData("MATCH (n:LABEL) RETURN count(*) AS c UNION ALL MATCH (n:LABEL)-[:LINKS]->(m) RETURN count(*) AS c", """[[2], [0]]""", """[[3], [2]]""")]
    // WITH pipelines.
    [InlineData("MATCH (a:LABEL {name: 'a'}) WITH a MATCH (a)-[:LINKS]->(x) RETURN x.name AS x", """[]""", """[["h"]]""")]
    [InlineData("MATCH (n:LABEL) WITH count(n) AS total, collect(n.secret) AS secrets RETURN total, size(secrets) AS k, secrets", """[[2, 0, []]]""", """[[3, 1, ["SECRET"]]]""")]
    [InlineData("MATCH (n:LABEL) WITH n ORDER BY n.name LIMIT 5 OPTIONAL MATCH (n)-[:LINKS]->(m) RETURN n.name AS n, m.name AS m", """[["a", null], ["c", null]]""", """[["a", "h"], ["c", null], ["h", "c"]]""")]
    [InlineData("MATCH (n:LABEL) WITH n.name AS name WHERE name >= 'b' RETURN name", """[["c"]]""", """[["c"], ["h"]]""")]
    public async Task A_node_the_caller_may_not_see_does_not_exist_for_the_query(string query, string asBob, string asAlice)
    {
        var scene = await app.SceneAsync();
        await app.AssertRowsAsync(scene, scene.Bob, query, asBob);
        await app.AssertRowsAsync(scene, scene.Alice, query, asAlice);
    }
}
