using System.Text.Json.Serialization;
using Raytio.Server.Data;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Health;

public static class HealthEndpoints
{
    public sealed record HealthResponse(string Status, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Detail = null);

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => TypedResults.Ok(new HealthResponse("ok")))
            .WithTags("health").WithName("healthz").WithSummary("Liveness: the process answers");

        app.MapGet("/readyz", async (RaytioDbContext db, Readiness readiness, CancellationToken ct) =>
            {
                if (!readiness.MigrationsApplied)
                {
                    return Results.Json(new HealthResponse("unavailable", "Database migrations are not applied yet."), statusCode: StatusCodes.Status503ServiceUnavailable);
                }
                return await db.Database.CanConnectAsync(ct)
                    ? Results.Ok(new HealthResponse("ok"))
                    : Results.Json(new HealthResponse("unavailable", "The database is not reachable."), statusCode: StatusCodes.Status503ServiceUnavailable);
            })
            .WithTags("health").WithName("readyz").WithSummary("Readiness: database reachable and migrations applied")
            .Produces<HealthResponse>().Produces<HealthResponse>(StatusCodes.Status503ServiceUnavailable);

        return app;
    }
}
