using System.Net;
using Raytio.Server.Tests.CypherQueries;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Cypher.Leak;

/// <summary>
/// Refused and failed queries (docs/CYPHER.md, "Leak suite") name the query's own text and the
/// limits, never data of a node the caller may not see: each query here reaches for the scene's
/// hidden node through `$params`, and its error body must not hold that node's secret or n_id.
/// </summary>
public sealed class ErrorMessageLeakTests(ErrorMessageLeakTests.TightLimitsFactory app) : IClassFixture<ErrorMessageLeakTests.TightLimitsFactory>
{
    [Theory]
    [InlineData("MATCH (n) WHERE n.secret = $secret RETURN n.secret,", "query_syntax")]
    [InlineData("MATCH (n) WHERE n.secret = $secret DETACH DELETE n", "query_not_read_only")]
    [InlineData("MATCH (n) WHERE n.secret =~ $secret RETURN n", "query_unsupported")]
    [InlineData("MATCH (n)-[*1..9]-(m) WHERE id(m) = $hidden RETURN m.secret AS s", "query_unsupported")]
    [InlineData("MATCH (n) WHERE n.n_id = $hiddenKey RETURN m", "query_semantics")]
    [InlineData("MATCH (n) WHERE id(n) = $hidden RETURN n.secret AS x, n.name AS x", "query_semantics")]
    [InlineData("MATCH (n {n_id: $hiddenKey}) RETURN n.secret AS s SKIP $secret", "query_semantics")]
    [InlineData("MATCH (n) WHERE n.secret = $secret AND count(*) > 0 RETURN n", "query_semantics")]
    [InlineData("MATCH (n {secret: $secret}) RETURN $unknown AS u", "query_semantics")]
    [InlineData("MATCH (a:BULK), (b:BULK), (c:BULK), (d:BULK), (e:BULK), (f:BULK) OPTIONAL MATCH (h) WHERE h.secret = $secret RETURN count(*) AS c, collect(h.secret) AS s", "query_timeout")]
    [InlineData("MATCH (n:BULK) OPTIONAL MATCH (h) WHERE id(h) = $hidden RETURN n.text AS t, h.secret AS s", "query_answer_too_large")]
    public async Task An_error_never_holds_data_of_a_node_the_caller_may_not_see(string query, string code)
    {
        var scene = await app.SceneAsync();
        var bulk = await app.BulkLabelAsync();

        var response = await app.QueryAsync(scene.Fill(query).Replace("BULK", bulk, StringComparison.Ordinal), scene.Parameters, scene.Bob.Bearer);

        var body = (await response.AssertErrorAsync(HttpStatusCode.BadRequest, code)).GetRawText();
        Assert.DoesNotContain(scene.Secret, body, StringComparison.Ordinal);
        Assert.DoesNotContain(scene.Hidden.Key.ToString(), body, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A 200 ms statement timeout, a 2,048-character answer and walks of at most 3: errors cheap to reach.</summary>
    public sealed class TightLimitsFactory : LeakSceneFactory
    {
        private readonly Lazy<Task<string>> _bulk;

        public TightLimitsFactory() => _bulk = new(() => MakeBulkAsync(this));

        protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
        [
            new("Raytio:Query:StatementTimeout", "00:00:00.200"),
            new("Raytio:Query:MaxAnswerCharacters", "2048"),
            new("Raytio:Query:MaxVariableLength", "3"),
        ];

        /// <summary>
        /// The label of 30 objects Bob owns, each with a 100-character text: a 6-way product of
        /// them runs far past the timeout, and their texts together pass the answer limit.
        /// </summary>
        public Task<string> BulkLabelAsync() => _bulk.Value;

        private static async Task<string> MakeBulkAsync(TightLimitsFactory app)
        {
            var scene = await app.SceneAsync();
            var label = QueryClient.FreshLabel();
            for (var i = 0; i < 30; i++)
            {
                await app.OwnedObjectAsync(scene.Bob, $$"""{"text":"{{new string('x', 100)}}"}""", label);
            }
            return label;
        }
    }
}
