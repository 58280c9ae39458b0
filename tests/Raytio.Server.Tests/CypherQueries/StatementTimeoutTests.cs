using System.Net;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.CypherQueries;

/// <summary>The statement timeout holds even when it passes before the statement starts running.</summary>
public sealed class StatementTimeoutTests(StatementTimeoutTests.InstantTimeoutFactory app) : IClassFixture<StatementTimeoutTests.InstantTimeoutFactory>
{
    [Fact]
    public async Task A_deadline_passing_while_the_statement_is_prepared_still_ends_it()
    {
        var owner = await GraphUser.CreateAsync(app);
        var label = QueryClient.FreshLabel();
        for (var i = 0; i < 8; i++)
        {
            await app.OwnedObjectAsync(owner, "{}", label);
        }
        // Forty parts of 8^6 rows each: long to prepare (the 1 ms deadline passes before the
        // statement runs, when sqlite3_interrupt would be lost), seconds to run.
        var part = $"MATCH (a:{label}), (b:{label}), (c:{label}), (d:{label}), (e:{label}), (f:{label}) RETURN count(*) AS c";
        var query = string.Join(" UNION ALL ", Enumerable.Repeat(part, 40));

        await (await app.QueryAsync(query, owner.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "query_timeout");
    }

    public sealed class InstantTimeoutFactory : RaytioFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings => [new("Raytio:Query:StatementTimeout", "00:00:00.001")];
    }
}
