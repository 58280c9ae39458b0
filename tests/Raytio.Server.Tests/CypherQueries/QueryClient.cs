using System.Text.Json;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.CypherQueries;

/// <summary>Operation 64 from a test: the query as a JSON string, or with params.</summary>
public static class QueryClient
{
    public const string Path = "/db/v1/query";

    public static Task<HttpResponseMessage> QueryAsync(this RaytioFactory app, string query, string? bearer = null) =>
        app.SendJsonTextAsync(HttpMethod.Post, Path, JsonSerializer.Serialize(query), bearer);

    public static Task<HttpResponseMessage> QueryAsync(this RaytioFactory app, string query, object parameters, string? bearer = null) =>
        app.PostJsonAsync(Path, new { query, @params = parameters }, bearer);

    /// <summary>A label no other test uses, so tests sharing a database see only their own nodes.</summary>
    public static string FreshLabel() => "L" + Guid.NewGuid().ToString("N")[..12];
}
