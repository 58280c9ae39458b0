using System.Text;
using Raytio.Server.Tests.CypherQueries;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.OpenApi;

/// <summary>Drives every outcome of the Cypher query operation (64) for <see cref="DeclaredStatusTests"/>.</summary>
internal static class QueryStatusDrives
{
    public static async Task DriveQueriesAsync(this RaytioFactory app, string tooLarge)
    {
        var user = await GraphUser.CreateAsync(app);
        await app.QueryAsync("MATCH (n:Group) RETURN n", user.Bearer);
        await app.QueryAsync("MATCH (n:Group) RETURN count(n) AS groups");
        await app.QueryAsync("MATCH (n) DELETE n", user.Bearer);
        await app.QueryAsync("RETURN 1 AS one", "not-a-token");
        await app.SendJsonTextAsync(HttpMethod.Post, "/db/v2/query", "\"RETURN 1 AS one\"", user.Bearer);
        await app.SendJsonTextAsync(HttpMethod.Post, QueryClient.Path, tooLarge, user.Bearer);
        await app.SendAsync(HttpMethod.Post, QueryClient.Path, new StringContent("RETURN 1", Encoding.UTF8, "text/plain"), user.Bearer);
    }
}
