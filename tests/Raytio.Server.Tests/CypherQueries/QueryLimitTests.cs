using System.Net;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.CypherQueries;

public sealed class QueryLimitTests(QueryLimitTests.SmallLimitsFactory app) : IClassFixture<QueryLimitTests.SmallLimitsFactory>
{
    private const int MaxRows = 5;

    [Fact]
    public async Task Rows_beyond_the_maximum_are_left_off_and_the_answer_says_so()
    {
        var owner = await GraphUser.CreateAsync(app);
        var label = QueryClient.FreshLabel();
        for (var i = 0; i < MaxRows + 1; i++)
        {
            await app.OwnedObjectAsync(owner, $$"""{"i":{{i}}}""", label);
        }

        var all = await (await app.QueryAsync($"MATCH (n:{label}) RETURN n.i AS i ORDER BY i", owner.Bearer)).AssertOkAsync();
        Assert.True(all.GetProperty("truncated").GetBoolean());
        Assert.Equal([0, 1, 2, 3, 4], all.GetProperty("data").EnumerateArray().Select(r => r[0].GetInt32()));

        var exactly = await (await app.QueryAsync($"MATCH (n:{label}) RETURN n.i AS i LIMIT {MaxRows}", owner.Bearer)).AssertOkAsync();
        Assert.False(exactly.GetProperty("truncated").GetBoolean());
        Assert.Equal(MaxRows, exactly.GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task A_query_running_past_the_statement_timeout_answers_400_and_the_next_one_runs()
    {
        var owner = await GraphUser.CreateAsync(app);
        var label = QueryClient.FreshLabel();
        for (var i = 0; i < 40; i++)
        {
            await app.OwnedObjectAsync(owner, "{}", label);
        }

        // 40^6 rows to count: minutes of work, interrupted after the 200 ms timeout.
        var slow = $"MATCH (a:{label}), (b:{label}), (c:{label}), (d:{label}), (e:{label}), (f:{label}) RETURN count(*) AS c";
        var body = await (await app.QueryAsync(slow, owner.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "query_timeout");
        Assert.Contains("0.2 s", body.GetProperty("message").GetString(), StringComparison.Ordinal);

        var next = await (await app.QueryAsync($"MATCH (a:{label}) RETURN count(*) AS c", owner.Bearer)).AssertOkAsync();
        Assert.Equal(40, next.GetProperty("data")[0][0].GetInt32());
    }

    [Fact]
    public async Task An_answer_larger_than_the_limit_answers_400()
    {
        var owner = await GraphUser.CreateAsync(app);
        var label = QueryClient.FreshLabel();
        await app.OwnedObjectAsync(owner, $$"""{"text":"{{new string('x', 3000)}}"}""", label);

        await (await app.QueryAsync($"MATCH (n:{label}) RETURN n.text AS t", owner.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "query_answer_too_large");
    }

    [Fact]
    public async Task A_variable_length_beyond_the_cap_answers_400()
    {
        var body = await (await app.QueryAsync("MATCH (a)-[*1..4]->(b) RETURN count(*) AS c")).AssertErrorAsync(HttpStatusCode.BadRequest, "query_unsupported");
        Assert.Contains("3", body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    /// <summary>Limits small enough to reach cheaply.</summary>
    public sealed class SmallLimitsFactory : RaytioFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
        [
            new("Raytio:Query:MaxRows", MaxRows.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Raytio:Query:StatementTimeout", "00:00:00.200"),
            new("Raytio:Query:MaxAnswerCharacters", "2048"),
            new("Raytio:Query:MaxVariableLength", "3"),
        ];
    }
}
