using System.Text.Json;
using System.Text.Json.Serialization;

namespace Raytio.Server.Providers.Centrix;

/// <summary>Centrix payloads keep their PascalCase names (the reference shows them so), unlike the server's snake_case.</summary>
public static class CentrixJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.General)
    {
        PropertyNamingPolicy = null,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };
}
