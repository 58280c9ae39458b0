using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Raytio.Server.Features.Graph;

/// <summary>
/// The reference's `null` answer (200 with the JSON literal null). An Ok result of a null value
/// writes no body at all, so the literal travels as a JsonElement.
/// </summary>
public static class NullAnswer
{
    private static readonly JsonElement Null = JsonDocument.Parse("null").RootElement.Clone();

    public static Ok<JsonElement> Ok() => TypedResults.Ok(Null);
}
