using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Features.Auth;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Preferences;

/// <summary>Operations 65-66: the caller's own preferences object, kept on the user row.</summary>
internal static class PreferencesEndpoints
{
    public const int MaximumBytes = 64 * 1024;

    public static void Map(IEndpointRouteBuilder app)
    {
        var db = app.MapVersionedGroup("db");

        db.MapGet("/preferences", async Task<ContentHttpResult> (CurrentUser caller, RaytioDbContext data, CancellationToken ct) =>
            {
                var preferences = await PreferencesRead.ReadAsync(data, caller.Id, ct) ?? throw CurrentUser.Unauthenticated();
                return TypedResults.Text(preferences, "application/json");
            })
            .WithName("get-preferences")
            .WithSummary("The caller's preferences object")
            .Produces<JsonElement>()
            .ProducesError(401);

        db.MapPut("/preferences", async Task<ContentHttpResult> (JsonElement body, CurrentUser caller, RaytioDbContext data, TimeProvider time, CancellationToken ct) =>
            {
                if (body.ValueKind != JsonValueKind.Object)
                {
                    throw ApiException.BadRequest("validation_failed", "The preferences must be a JSON object.");
                }
                var json = body.GetRawText();
                if (json.Length > MaximumBytes)
                {
                    throw new ApiException(StatusCodes.Status413PayloadTooLarge, "payload_too_large", $"The preferences object is larger than {MaximumBytes} bytes.");
                }
                var updated = await data.Users.Where(u => u.Id == caller.Id).ExecuteUpdateAsync(
                    s => s.SetProperty(u => u.PreferencesJson, json).SetProperty(u => u.UpdatedAt, time.GetUtcNow().UtcDateTime), ct);
                if (updated == 0)
                {
                    throw CurrentUser.Unauthenticated();
                }
                return TypedResults.Text(json, "application/json");
            })
            .WithName("put-preferences")
            .WithSummary("Replace the caller's preferences object")
            .Produces<JsonElement>()
            .ProducesError(400, 401, 413);
    }
}
