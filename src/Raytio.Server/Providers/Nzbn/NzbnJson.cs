using System.Text.Json;
using System.Text.Json.Serialization;

namespace Raytio.Server.Providers.Nzbn;

/// <summary>The register's payloads are camelCase (the reference keeps them so), unlike the server's snake_case.</summary>
public static class NzbnJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };
}
