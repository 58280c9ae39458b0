using Raytio.Cypher.Syntax;

namespace Raytio.Cypher.Tests;

/// <summary>Every clause that writes or calls out is refused with its name, wherever a clause may start.</summary>
public class ReadOnlyTests
{
    [Theory]
    [InlineData("CREATE (n:Person {name: 'x'})", "CREATE", 1, 1)]
    [InlineData("MATCH (n) CREATE (n)-[:KNOWS]->(m) RETURN n", "CREATE", 1, 11)]
    [InlineData("MERGE (n:Person {name: 'x'}) RETURN n", "MERGE", 1, 1)]
    [InlineData("MATCH (n) SET n.x = 1 RETURN n", "SET", 1, 11)]
    [InlineData("MATCH (n) DELETE n", "DELETE", 1, 11)]
    [InlineData("MATCH (n) DETACH DELETE n", "DETACH DELETE", 1, 11)]
    [InlineData("MATCH (n) NODETACH DELETE n", "NODETACH DELETE", 1, 11)]
    [InlineData("MATCH (n) REMOVE n:Person", "REMOVE", 1, 11)]
    [InlineData("MATCH (n) WITH collect(n) AS ns FOREACH (x IN ns | SET x.y = 1)", "FOREACH", 1, 33)]
    [InlineData("LOAD CSV FROM 'file:///x.csv' AS row RETURN row", "LOAD CSV", 1, 1)]
    [InlineData("load csv with headers from 'http://x' as row return row", "LOAD CSV", 1, 1)]
    [InlineData("CALL db.labels()", "CALL", 1, 1)]
    [InlineData("CALL db.labels() YIELD label RETURN label", "CALL", 1, 1)]
    [InlineData("MATCH (n) CALL { WITH n RETURN n.x AS x } RETURN x", "CALL", 1, 11)]
    [InlineData("MATCH (n) CALL (n) { RETURN n.x AS x } RETURN x", "CALL", 1, 11)]
    [InlineData("USE neo4j MATCH (n) RETURN n", "USE", 1, 1)]
    [InlineData("SHOW DATABASES", "SHOW", 1, 1)]
    [InlineData("show functions", "SHOW", 1, 1)]
    [InlineData("INSERT (n:Person)", "INSERT", 1, 1)]
    [InlineData("CREATE USER bob SET PASSWORD 'x'", "CREATE USER (an administration command)", 1, 1)]
    [InlineData("CREATE OR REPLACE ROLE reader", "CREATE ROLE (an administration command)", 1, 1)]
    [InlineData("CREATE DATABASE other IF NOT EXISTS", "CREATE DATABASE (an administration command)", 1, 1)]
    [InlineData("CREATE INDEX FOR (n:Person) ON (n.name)", "CREATE INDEX (an administration command)", 1, 1)]
    [InlineData("CREATE TEXT INDEX idx FOR (n:Person) ON (n.name)", "CREATE INDEX (an administration command)", 1, 1)]
    [InlineData("CREATE CONSTRAINT c FOR (n:Person) REQUIRE n.id IS UNIQUE", "CREATE CONSTRAINT (an administration command)", 1, 1)]
    [InlineData("DROP INDEX idx", "DROP INDEX (an administration command)", 1, 1)]
    [InlineData("DROP CONSTRAINT c IF EXISTS", "DROP CONSTRAINT (an administration command)", 1, 1)]
    [InlineData("DROP DATABASE other", "DROP DATABASE (an administration command)", 1, 1)]
    [InlineData("DROP USER bob", "DROP USER (an administration command)", 1, 1)]
    [InlineData("DROP ROLE reader", "DROP ROLE (an administration command)", 1, 1)]
    [InlineData("ALTER USER bob SET PASSWORD 'y'", "ALTER USER (an administration command)", 1, 1)]
    [InlineData("ALTER CURRENT USER SET PASSWORD FROM 'a' TO 'b'", "ALTER USER (an administration command)", 1, 1)]
    [InlineData("ALTER DATABASE other SET ACCESS READ ONLY", "ALTER DATABASE (an administration command)", 1, 1)]
    [InlineData("GRANT ROLE admin TO bob", "GRANT ROLE (an administration command)", 1, 1)]
    [InlineData("GRANT TRAVERSE ON GRAPH * NODES * TO reader", "GRANT (an administration command)", 1, 1)]
    [InlineData("DENY READ {*} ON GRAPH * TO reader", "DENY (an administration command)", 1, 1)]
    [InlineData("REVOKE ROLE admin FROM bob", "REVOKE ROLE (an administration command)", 1, 1)]
    [InlineData("START DATABASE other", "START DATABASE (an administration command)", 1, 1)]
    [InlineData("STOP DATABASE other", "STOP DATABASE (an administration command)", 1, 1)]
    [InlineData("RENAME USER bob TO rob", "RENAME USER (an administration command)", 1, 1)]
    [InlineData("ENABLE SERVER 'x'", "ENABLE SERVER (an administration command)", 1, 1)]
    [InlineData("TERMINATE TRANSACTIONS 'neo4j-transaction-1'", "TERMINATE (an administration command)", 1, 1)]
    [InlineData("RETURN 1 UNION CREATE (n) RETURN n", "CREATE", 1, 16)]
    [InlineData("MATCH (n) RETURN n; CREATE (m)", "CREATE", 1, 21)]
    [InlineData("MATCH (n) RETURN n DELETE n", "DELETE", 1, 20)]
    [InlineData("MATCH (n)\n  WHERE n.x = 1\n  set n.y = 2 RETURN n", "SET", 3, 3)]
    public void Writes_and_administration_are_named(string query, string clause, int line, int column)
    {
        var error = Parse.Error(query);
        Assert.Equal("query_not_read_only", error.Code);
        Assert.Equal(new Position(line, column), error.Position);
        Assert.StartsWith($"{clause} is not allowed at line {line}, column {column}", error.Message);
        Assert.EndsWith("read-only", error.Message);
    }

    /// <summary>The words are clauses only where a clause starts: as names they are ordinary.</summary>
    [Fact]
    public void Clause_words_as_names_are_not_refused()
    {
        var query = "MATCH (create:Create {set: 1})-[delete:DELETE]->(call:`CALL`) WHERE create.merge = 1 "
            + "RETURN create.set AS set, delete.remove AS drop, call.show AS show";
        Assert.Equal(["set", "drop", "show"], Parse.Return(query).Projection.Items.Select(i => i.ColumnName));
    }

    [Fact]
    public void Quotes_are_allowed_in_strings_and_queries()
    {
        var query = """MATCH (n:Group {name: "Raytio"}) WHERE n.motto = 'say "hi"' RETURN n""";
        Assert.Equal("'say \"hi\"'", Parse.Shape(Assert.IsType<Binary>(Parse.Match(query).Where).Right));
    }
}
