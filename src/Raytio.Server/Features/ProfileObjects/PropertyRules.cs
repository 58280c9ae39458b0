using System.Text.Json;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.ProfileObjects;

/// <summary>
/// What any properties object must satisfy, whatever its schema: no NUL character (PostgreSQL's
/// jsonb cannot hold one, and both engines must answer alike) and at most <see cref="MaxDepth"/>
/// levels of nesting, so that every answer that nests it (lists put it 4 levels deep) stays
/// within the JSON writer's 64.
/// </summary>
internal static class PropertyRules
{
    public const int MaxDepth = 56;

    public static void Check(JsonElement properties, string field)
    {
        if (Depth(properties) > MaxDepth)
        {
            throw ApiException.Invalid(field, $"'{field}' nests more than {MaxDepth} levels deep.");
        }
        if (HasNul(properties))
        {
            throw ApiException.Invalid(field, $"'{field}' may not contain the NUL character (\\u0000).");
        }
    }

    private static int Depth(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => 1 + value.EnumerateObject().Select(m => Depth(m.Value)).DefaultIfEmpty(0).Max(),
        JsonValueKind.Array => 1 + value.EnumerateArray().Select(Depth).DefaultIfEmpty(0).Max(),
        _ => 0,
    };

    private static bool HasNul(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => value.EnumerateObject().Any(m => m.Name.Contains('\0') || HasNul(m.Value)),
        JsonValueKind.Array => value.EnumerateArray().Any(HasNul),
        JsonValueKind.String => value.GetString()!.Contains('\0'),
        _ => false,
    };
}
