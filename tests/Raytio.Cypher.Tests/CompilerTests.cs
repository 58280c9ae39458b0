using Raytio.Cypher.Compiler;
using Raytio.Cypher.Syntax;
using static Raytio.Cypher.Tests.Ast;

namespace Raytio.Cypher.Tests;

/// <summary>What the compiler makes of a query before any database sees it: parameters, columns and refusals.</summary>
public sealed class CompilerTests
{
    private static CompileContext Context(ISqlDialect dialect, object? parameters = null) => new(
        dialect,
        new GraphVisibility([1, 2], 1),
        MaxVariableLength: 5,
        MaxRows: 100,
        parameters is null ? null : System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, System.Text.Json.JsonElement>>(System.Text.Json.JsonSerializer.Serialize(parameters)));

    public static TheoryData<string> Dialects => ["sqlite", "postgres"];

    private static ISqlDialect Dialect(string name) => name == "sqlite" ? SqliteDialect.Instance : PostgresDialect.Instance;

    private static CypherException Refused(Query query, object? parameters = null) =>
        Assert.Throws<CypherException>(() => CypherCompiler.Compile(query, Context(SqliteDialect.Instance, parameters)));

    [Theory]
    [MemberData(nameof(Dialects))]
    public void User_text_reaches_the_sql_only_as_parameters(string dialect)
    {
        var query = Single(
            Match(Path(Node("n", "Label'); DROP TABLE x; --").WithProperties(("key'--", Lit("value' OR 1=1"))), Out("r", "TYPE'--"), Node("m")))
                .Where(Op(BinaryOperator.StartsWith, Prop("n", "name'"), Param("prefix"))),
            Return(Item(Prop("m", "other'"), "weird ' column")));
        var compiled = CypherCompiler.Compile(query, Context(Dialect(dialect), new { prefix = "x'y" }));
        foreach (var text in new[] { "DROP TABLE", "key'--", "value'", "TYPE'--", "other'", "x'y", "weird" })
        {
            Assert.DoesNotContain(text, compiled.Sql, StringComparison.Ordinal);
        }
        var values = compiled.Parameters.Select(p => p.Value?.ToString()).ToList();
        Assert.Contains("Label'); DROP TABLE x; --", values);
        Assert.Contains("TYPE'--", values);
        Assert.Contains(values, v => v is not null && v.StartsWith('"') && System.Text.Json.JsonSerializer.Deserialize<string>(v) == "x'y");
        Assert.Equal(["weird ' column"], compiled.Columns);
    }

    [Fact]
    public void Property_keys_with_a_double_quote_are_unsupported_on_sqlite_only()
    {
        var query = Single(Match(Path(Node("n"))), Return(Item(Prop("n", "a\"b"), "x")));
        Assert.Equal("query_unsupported", Refused(query).Code);
        Assert.NotNull(CypherCompiler.Compile(query, Context(PostgresDialect.Instance)));
    }

    [Fact]
    public void Columns_are_named_by_alias_or_text_and_return_star_sorts_them()
    {
        var query = Single(Match(Path(Node("zeta"), Out("alpha"), Node("mid"))), Return(new Projection(false, true, [Item(Call("count", Var("zeta")), "total")], [], null, null)));
        Assert.Equal(["alpha", "mid", "zeta", "total"], CypherCompiler.Compile(query, Context(SqliteDialect.Instance)).Columns);
    }

    [Fact]
    public void Unknown_variables_are_semantic_errors()
    {
        var query = Single(Match(Path(Node("n"))), Return(Item(Var("m"), "m")));
        var error = Refused(query);
        Assert.Equal("query_semantics", error.Code);
        Assert.Contains("`m`", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Aggregates_are_refused_in_where_and_nested()
    {
        Assert.Equal("query_semantics", Refused(Single(Match(Path(Node("n"))).Where(Op(BinaryOperator.Greater, CountAll(), Lit(1L))), Return(Item("n")))).Code);
        Assert.Equal("query_semantics", Refused(Single(Match(Path(Node("n"))), Return(Item(Call("count", Call("collect", Var("n"))), "x")))).Code);
        Assert.Equal("query_semantics", Refused(Single(Match(Path(Node("n"))), Return(Projection(Item(CountAll(), "c")).OrderBy(Asc(Call("count", Var("n"))))))).Code);
        // Repeating a projected aggregate is fine.
        Assert.NotNull(CypherCompiler.Compile(Single(Match(Path(Node("n"))), Return(Projection(Item(CountAll(), "c")).OrderBy(Asc(CountAll())))), Context(SqliteDialect.Instance)));
    }

    [Fact]
    public void Misused_values_are_semantic_errors()
    {
        // A value used as a node, a node where a boolean is needed, DISTINCT in a scalar function.
        Assert.Equal("query_semantics", Refused(Single(Match(Path(Node("n"))), With(Item(Lit(1L), "x")), Match(Path(Node("x"))), Return(Item("x")))).Code);
        Assert.Equal("query_semantics", Refused(Single(Match(Path(Node("n"))).Where(Var("n")), Return(Item("n")))).Code);
        Assert.Equal("query_semantics", Refused(Single(Match(Path(Node("n"))), Return(Item(CallDistinct("toLower", Prop("n", "a")), "x")))).Code);
        Assert.Equal("query_semantics", Refused(Single(Match(Path(Node("n"))), Return(Item(Call("type", Var("n")), "x")))).Code);
    }

    [Fact]
    public void With_needs_aliases_for_expressions()
    {
        var query = Single(Match(Path(Node("n"))), With(new ProjectionItem(Prop("n", "a"), null, "n.a")), Return(Item(Lit(1L), "x")));
        Assert.Equal("query_semantics", Refused(query).Code);
    }

    [Fact]
    public void Union_needs_the_same_columns_and_one_kind_of_union()
    {
        SingleQuery Returning(string column) => Part(Match(Path(Node("n"))), Return(Item(Var("n"), column)));
        Assert.Equal("query_semantics", Refused(Union(false, Returning("a"), Returning("b"))).Code);
        var mixed = new Query([Returning("a"), Returning("a"), Returning("a")], [true, false]);
        Assert.Equal("query_semantics", Refused(mixed).Code);
        Assert.Contains(" UNION ALL ", CypherCompiler.Compile(Union(true, Returning("a"), Returning("a")), Context(SqliteDialect.Instance)).Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Parameters_must_be_given_and_skip_and_limit_must_be_non_negative_integers()
    {
        Assert.Equal("query_semantics", Refused(Single(Match(Path(Node("n"))).Where(Eq(Prop("n", "a"), Param("missing"))), Return(Item("n")))).Code);
        Projection Limited(Expression limit) => new(false, false, [Item("n")], [], null, limit);
        Assert.Equal("query_semantics", Refused(Single(Match(Path(Node("n"))), Return(Limited(Lit(-1L))))).Code);
        Assert.Equal("query_semantics", Refused(Single(Match(Path(Node("n"))), Return(Limited(Lit(1.5))))).Code);
        Assert.Equal("query_semantics", Refused(Single(Match(Path(Node("n"))), Return(Limited(Param("l")))), new { l = "3" }).Code);
        Assert.Equal("query_unsupported", Refused(Single(Match(Path(Node("n"))), Return(Limited(Op(BinaryOperator.Add, Lit(1L), Lit(1L)))))).Code);
        var compiled = CypherCompiler.Compile(Single(Match(Path(Node("n"))), Return(Limited(Param("l")))), Context(SqliteDialect.Instance, new { l = 7 }));
        Assert.Contains(compiled.Parameters, p => p.Value is long and 7);
    }

    [Fact]
    public void Variable_length_is_capped_by_the_setting()
    {
        Query Reach(int? min, int? max) => Single(Match(Path(Node("a"), Out(null, "T").Length(min, max), Node("b"))), Return(Item("b")));
        Assert.Equal("query_unsupported", Refused(Reach(1, 6)).Code);
        // Open-ended lengths go up to the setting.
        var compiled = CypherCompiler.Compile(Reach(2, null), Context(SqliteDialect.Instance));
        Assert.Contains(compiled.Parameters, p => p.Value is long and 5);
    }

    [Fact]
    public void Anonymous_callers_have_no_user_node_in_the_visibility()
    {
        var context = Context(PostgresDialect.Instance) with { Visibility = new GraphVisibility([9], null) };
        var compiled = CypherCompiler.Compile(Single(Match(Path(Node("n"))), Return(Item("n"))), context);
        Assert.DoesNotContain("BELONGS_TO", compiled.Sql, StringComparison.Ordinal);
        Assert.Equal(9L, compiled.Parameters[0].Value);
        Assert.EndsWith("LIMIT @" + compiled.Parameters[^1].Name, compiled.Sql, StringComparison.Ordinal);
        Assert.Equal(101L, compiled.Parameters[^1].Value);
    }

    [Fact]
    public void The_visible_nodes_are_one_materialized_select_on_sqlite_and_a_union_of_index_scans_on_postgres()
    {
        // SQLite flattened the CTE into every join that read it: a compound SELECT there multiplied
        // into one branch per combination of its arms (a pattern of a few nodes took 20x longer).
        var query = Single(Match(Path(Node("a"), Out(), Node("b"), Out(), Node("c"))), Return(Item("a")));
        string VisibleNodes(ISqlDialect dialect)
        {
            var sql = CypherCompiler.Compile(query, Context(dialect)).Sql;
            var start = sql.IndexOf("vis_nodes AS MATERIALIZED (", StringComparison.Ordinal);
            Assert.True(start >= 0, sql);
            return sql[start..sql.IndexOf("\n),", start, StringComparison.Ordinal)];
        }

        Assert.DoesNotContain("UNION", VisibleNodes(SqliteDialect.Instance), StringComparison.Ordinal);
        Assert.Contains(") OR (n.kind = 2", VisibleNodes(SqliteDialect.Instance), StringComparison.Ordinal);
        Assert.Equal(2, VisibleNodes(PostgresDialect.Instance).Split("UNION ALL").Length - 1);
    }

    [Fact]
    public void The_visible_relationships_are_inlined_on_postgres()
    {
        // Materialized, each of its reads was a CTE scan without index: nested loops over cross products.
        var query = Single(Match(Path(Node("a"), Out(), Node("b"))), Return(Item("a")));
        Assert.Contains("vis_rels AS NOT MATERIALIZED (", CypherCompiler.Compile(query, Context(PostgresDialect.Instance)).Sql, StringComparison.Ordinal);
        Assert.Contains("vis_rels AS (", CypherCompiler.Compile(query, Context(SqliteDialect.Instance)).Sql, StringComparison.Ordinal);
    }
}
