using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.CypherQueries;

internal static class CypherQueriesEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var db = app.MapVersionedGroup("db");
        var limits = app.ServiceProvider.GetRequiredService<IOptions<CypherQueryOptions>>().Value;

        db.MapPost("/query", async Task<Ok<JsonObject>> (
                JsonElement body, OptionalUser caller, CypherQueryService queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.RunAsync(caller.Id, CypherQueryRequest.FromBody(body, limits.MaxQueryLength), ct)))
            .WithMetadata(new RequestSizeLimitAttribute(limits.MaxBodyBytes))
            .WithName("query-graph")
            .WithSummary("Read-only Cypher over the nodes the caller may view (anonymous: PUBLIC ones): the query as a JSON string or {query, params}; answers {columns, data, truncated}")
            .ProducesError(400, 401, 413);
    }
}
