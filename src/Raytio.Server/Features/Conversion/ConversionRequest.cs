using System.Text.Json;
using Microsoft.Net.Http.Headers;
using Raytio.JsonCsv;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Conversion;

/// <summary>
/// Reads a conversion request in either form: the reference's wrapper object ({"json": [...]} or
/// {"csv": "..."} plus an optional json-2-csv "options" object), or the bare input as the body.
/// </summary>
internal static class ConversionRequest
{
    public sealed record Input(Stream Body, JsonElement? Options);

    /// <summary>
    /// The body starts with '[' (a bare array, streamed as it arrives) or '{' (the wrapper,
    /// parsed in memory within <paramref name="wrappedLimit"/>).
    /// </summary>
    public static async Task<Input> ReadJsonAsync(HttpRequest request, long wrappedLimit, CancellationToken cancellationToken)
    {
        RequireMediaType(request, "application/json");
        var body = new PeekableStream(request.Body);
        var first = await body.PeekFirstNonWhitespaceAsync(cancellationToken);
        if (first == '[')
        {
            return new Input(body, null);
        }
        if (first != '{')
        {
            throw ApiException.BadRequest("validation_failed", "The body must be {\"json\": [...], \"options\": {...}} or a JSON array of objects.");
        }
        var wrapper = await ParseWrapperAsync(body, request.ContentLength, wrappedLimit, cancellationToken);
        var json = Property(wrapper, "json", JsonValueKind.Array, "'json' is required and must be an array of objects.");
        return new Input(new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(json)), OptionsOf(wrapper));
    }

    /// <summary>text/csv (or text/plain) is the CSV itself, streamed; application/json is the {"csv": "..."} wrapper.</summary>
    public static async Task<Input> ReadCsvAsync(HttpRequest request, long wrappedLimit, CancellationToken cancellationToken)
    {
        var mediaType = MediaTypeOf(request);
        if (mediaType is "text/csv" or "text/plain")
        {
            return new Input(request.Body, null);
        }
        RequireMediaType(request, "application/json");
        var wrapper = await ParseWrapperAsync(request.Body, request.ContentLength, wrappedLimit, cancellationToken);
        var csv = Property(wrapper, "csv", JsonValueKind.String, "'csv' is required and must be a string of CSV text.");
        return new Input(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv.GetString()!)), OptionsOf(wrapper));
    }

    private static async Task<JsonElement> ParseWrapperAsync(Stream body, long? contentLength, long limit, CancellationToken cancellationToken)
    {
        if (contentLength > limit)
        {
            throw TooLargeForWrapper(limit);
        }
        try
        {
            using var document = await JsonDocument.ParseAsync(new LimitedReadStream(body, limit), DuplicateKeys.DocumentOptions, cancellationToken);
            var root = document.RootElement.Clone();
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw ApiException.BadRequest("validation_failed", "A JSON body must be an object such as {\"csv\": \"...\"} or {\"json\": [...]}.");
            }
            foreach (var property in root.EnumerateObject())
            {
                if (property.Name is not ("json" or "csv" or "options"))
                {
                    throw ApiException.Invalid(property.Name, $"Unknown property '{property.Name}'.");
                }
            }
            return root;
        }
        catch (JsonCsvInputTooLargeException)
        {
            throw TooLargeForWrapper(limit);
        }
    }

    private static ApiException TooLargeForWrapper(long limit) => new(StatusCodes.Status413PayloadTooLarge, "payload_too_large",
        $"A wrapped body may be at most {limit} bytes; send larger inputs bare (a JSON array, or text/csv), which are streamed.");

    private static JsonElement Property(JsonElement wrapper, string name, JsonValueKind kind, string message) =>
        wrapper.TryGetProperty(name, out var value) && value.ValueKind == kind
            ? value
            : throw ApiException.Invalid(name, message);

    private static JsonElement? OptionsOf(JsonElement wrapper) =>
        wrapper.TryGetProperty("options", out var options) && options.ValueKind != JsonValueKind.Null ? options : null;

    private static string? MediaTypeOf(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value?.ToLowerInvariant() : null;

    private static void RequireMediaType(HttpRequest request, string expected)
    {
        if (MediaTypeOf(request) != expected)
        {
            throw new ApiException(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type",
                $"Expected Content-Type {expected}, got '{request.ContentType ?? "(none)"}'.");
        }
    }
}
