using System.Text.Json;
using System.Text.Json.Serialization;

namespace Raytio.Server.Providers.Rekognition;

/// <summary>Rekognition's payloads keep their PascalCase names (the reference shows them so); absent members are left out.</summary>
public static class RekognitionJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.General)
    {
        PropertyNamingPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };
}
