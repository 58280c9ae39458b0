using System.Text.Json;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Mrz;

/// <summary>The body <c>{"file": {"content_type", "data", "filename"?}}</c>, checked field by field.</summary>
internal static class MrzUpload
{
    private static readonly string[] ContentTypes = ["image/jpeg", "image/png", "image/tiff", "application/pdf"];

    /// <summary>The decoded file bytes.</summary>
    /// <exception cref="ApiException">400 naming the field that is missing or wrong.</exception>
    public static byte[] Read(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
            throw ApiException.Invalid("file", "The body must be an object with a 'file'.");
        if (!body.TryGetProperty("file", out var file) || file.ValueKind != JsonValueKind.Object)
            throw ApiException.Invalid("file", "'file' is required: an object with 'content_type' and 'data'.");
        var validation = new Validation();
        var contentType = Text(file, "content_type");
        var data = Text(file, "data");
        validation.Required("file.content_type", contentType).Required("file.data", data);
        if (contentType is { Length: > 0 } && !ContentTypes.Contains(contentType.Split(';')[0].Trim().ToLowerInvariant()))
            validation.Add("file.content_type", $"'file.content_type' must be one of {string.Join(", ", ContentTypes)}.");
        validation.ThrowIfAny();
        var bytes = new byte[data!.Length / 4 * 3 + 3];
        if (!Convert.TryFromBase64String(data, bytes, out var length))
            throw ApiException.Invalid("file.data", "'file.data' must be base64.");
        return bytes[..length];
    }

    private static string? Text(JsonElement file, string name) =>
        file.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
