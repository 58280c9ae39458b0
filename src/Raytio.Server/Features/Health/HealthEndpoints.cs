using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;

namespace Raytio.Server.Features.Health;

public static class HealthEndpoints
{
    public sealed record HealthResponse(string Status, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Detail = null);

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => TypedResults.Ok(new HealthResponse("ok")))
            .WithTags("health").WithName("healthz").WithSummary("Liveness: the process answers");

        app.MapGet("/readyz", async (RaytioDbContext db, CancellationToken ct) =>
            {
                try
                {
                    var pending = await db.Database.GetPendingMigrationsAsync(ct);
                    return pending.Any()
                        ? Results.Json(new HealthResponse("unavailable", "Database migrations are pending."), statusCode: StatusCodes.Status503ServiceUnavailable)
                        : Results.Ok(new HealthResponse("ok"));
                }
                catch (Exception exception) when (exception is System.Data.Common.DbException or InvalidOperationException)
                {
                    return Results.Json(new HealthResponse("unavailable", "The database is not reachable."), statusCode: StatusCodes.Status503ServiceUnavailable);
                }
            })
            .WithTags("health").WithName("readyz").WithSummary("Readiness: database reachable and migrations applied")
            .Produces<HealthResponse>().Produces<HealthResponse>(StatusCodes.Status503ServiceUnavailable);

        return app;
    }
}
