using System.Globalization;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Schemas;

/// <summary>Query parameters of the schema operations, read by hand so that a bad value is a 400 naming it.</summary>
internal static class QueryParameters
{
    private static readonly string[] ListTypes = ["all", SchemaType.Public, SchemaType.User, SchemaType.System];

    /// <summary>`schema_type` of the lists (required by the reference): null for all.</summary>
    public static string? ListType(string? value)
    {
        if (string.IsNullOrEmpty(value) || !ListTypes.Contains(value))
        {
            throw ApiException.Invalid("schema_type", $"'schema_type' is required: one of {string.Join(", ", ListTypes)}{(string.IsNullOrEmpty(value) ? "" : $", not '{value}'")}.");
        }
        return value == "all" ? null : value;
    }

    public static bool Flag(string name, string? value, bool defaultValue) => value switch
    {
        null or "" => defaultValue,
        _ when bool.TryParse(value, out var flag) => flag,
        _ => throw ApiException.Invalid(name, $"'{name}' must be true or false, not '{value}'."),
    };

    /// <summary>`schema_version` (an addition; `version` is the API's path segment): null for the current one.</summary>
    public static int? SchemaVersion(string? value) => value switch
    {
        null or "" => null,
        _ when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0 => version,
        _ => throw ApiException.Invalid("schema_version", $"'schema_version' must be a positive whole number, not '{value}'."),
    };
}
