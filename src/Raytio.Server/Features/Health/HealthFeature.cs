using System.Text.Json.Serialization;
using Raytio.Server.Data;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Health;

/// <summary>
/// Liveness and readiness. The server listens only after start-up has migrated the database, so
/// readiness is the database answering.
/// </summary>
public sealed class HealthFeature : IFeatureModule
{
    public sealed record HealthResponse(string Status, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Detail = null);

    public void AddServices(IServiceCollection services)
    {
    }

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => TypedResults.Ok(new HealthResponse("ok")))
            .WithTags("health").WithName("healthz").WithSummary("Liveness: the process answers");

        app.MapGet("/readyz", async (RaytioDbContext db, CancellationToken ct) => await db.Database.CanConnectAsync(ct)
                ? Results.Ok(new HealthResponse("ok"))
                : Results.Json(new HealthResponse("unavailable", "The database is not reachable."), statusCode: StatusCodes.Status503ServiceUnavailable))
            .WithTags("health").WithName("readyz").WithSummary("Readiness: the database answers")
            .Produces<HealthResponse>().Produces<HealthResponse>(StatusCodes.Status503ServiceUnavailable);
    }
}
