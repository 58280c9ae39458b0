using System.Text.Json;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.PriceLists;

/// <summary>The request bodies of the price-list operations: a JSON array of row objects.</summary>
public static class PriceListBodies
{
    public const string BodyField = "body";

    /// <summary>The array's elements; 400 naming the body when it is not an array of 1 to <paramref name="maxRows"/> elements.</summary>
    public static IReadOnlyList<JsonElement> Rows(JsonElement body, int maxRows)
    {
        if (body.ValueKind != JsonValueKind.Array)
        {
            throw ApiException.Invalid(BodyField, "The body must be a JSON array of rows.");
        }
        var length = body.GetArrayLength();
        return length is > 0 && length <= maxRows
            ? body.EnumerateArray().ToList()
            : throw ApiException.Invalid(BodyField, $"The body must hold 1 to {maxRows} rows.");
    }
}
