using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Net.Http.Headers;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.ProfileObjects;

/// <summary>The `document` of a create: `{content: base64, type: media type}`, decoded and hashed.</summary>
internal sealed record DocumentInput(byte[] Content, string Hash, string Type)
{
    public const int MaxTypeLength = 255;

    public static DocumentInput Parse(JsonElement value, string field, long maxBytes)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw ApiException.Invalid(field, $"'{field}' must be a JSON object {{content, type}}.");
        }
        var contentField = $"{field}.content";
        var encoded = RequestFields.RequiredString(value, "content", contentField);
        if (!Base64.IsValid(encoded, out var length))
        {
            throw ApiException.Invalid(contentField, $"'{contentField}' is not valid base64.");
        }
        if (length > maxBytes)
        {
            throw new ApiException(StatusCodes.Status413PayloadTooLarge, "payload_too_large",
                $"'{contentField}' holds {length} bytes; the limit is {maxBytes}.",
                new Dictionary<string, string[]> { [contentField] = [$"At most {maxBytes} bytes."] });
        }
        var content = Convert.FromBase64String(encoded);
        var type = ParseType(value, $"{field}.type");
        return new DocumentInput(content, Convert.ToHexStringLower(SHA256.HashData(content)), type);
    }

    /// <summary>A media type `type/subtype` with optional parameters (RFC 9110), no wildcards.</summary>
    private static string ParseType(JsonElement value, string field)
    {
        var type = RequestFields.RequiredString(value, "type", field).Trim();
        if (type.Length > MaxTypeLength || !MediaTypeHeaderValue.TryParse(type, out var parsed)
            || parsed.Type.Length == 0 || parsed.SubType.Length == 0 || parsed.MatchesAllTypes || parsed.MatchesAllSubTypes)
        {
            throw ApiException.Invalid(field, $"'{field}' must be a media type such as 'application/pdf' (at most {MaxTypeLength} characters).");
        }
        return type;
    }
}
