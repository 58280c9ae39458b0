using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Raytio.Server.Hosting;

/// <summary>
/// Maps every exception to the error body: our own <see cref="ApiException"/>s, the framework's
/// bad-request failures (malformed JSON, wrong media type, body too large) and, last, anything
/// unexpected as a 500 without details.
/// </summary>
internal sealed class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, body, retryAfter) = Describe(exception, context.Request);
        if (status >= 500)
        {
            logger.LogError(exception, "Unhandled failure on {Method} {Path}", context.Request.Method, context.Request.Path);
        }
        if (retryAfter is { } wait)
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        await ErrorResponses.WriteAsync(context, status, body);
        return true;
    }

    /// <summary>The request bodies bound to a type are records, i.e. JSON objects.</summary>
    private static readonly ApiErrorBody ObjectExpected = new("The request body must be a JSON object.", "validation_failed");

    private static (int Status, ApiErrorBody Body, TimeSpan? RetryAfter) Describe(Exception exception, HttpRequest request) => exception switch
    {
        ApiException api => (api.Status, new ApiErrorBody(api.Message, api.Code, api.Errors, api.TwilioCode), api.RetryAfter),
        BadHttpRequestException bad => (bad.StatusCode, DescribeBadRequest(bad, request), null),
        JsonException json => (StatusCodes.Status400BadRequest, DescribeJson(json), null),
        _ => (StatusCodes.Status500InternalServerError, new ApiErrorBody("An unexpected error occurred.", "internal_error"), null),
    };

    private static ApiErrorBody DescribeBadRequest(BadHttpRequestException bad, HttpRequest request)
    {
        if (bad.InnerException is JsonException json)
        {
            return DescribeJson(json);
        }
        return bad.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => new ApiErrorBody("The request body is too large.", "payload_too_large"),
            StatusCodes.Status415UnsupportedMediaType => new ApiErrorBody("The request body must be JSON (Content-Type: application/json).", "unsupported_media_type"),
            // The framework says the same of an empty body and of the JSON literal null.
            _ when IsMissingBody(bad) => HasContent(request) ? ObjectExpected : new ApiErrorBody("A JSON request body is required.", "body_required"),
            _ => new ApiErrorBody("The request is malformed.", "bad_request"),
        };
    }

    private static ApiErrorBody DescribeJson(JsonException json)
    {
        if (DuplicateKeys.KeyOf(json) is { } key)
        {
            var repeated = $"The key '{key}' appears more than once in one object.";
            return new ApiErrorBody(repeated, "duplicate_key", new Dictionary<string, string[]> { [key] = [repeated] });
        }
        var wrongType = json.Message.Contains("could not be converted", StringComparison.Ordinal);
        if (wrongType && json.Path == "$")
        {
            // The first token was not '{' (e.g. [1,2] or 42); the parser read no further.
            return ObjectExpected;
        }
        if (wrongType && !string.IsNullOrEmpty(json.Path))
        {
            var field = json.Path.StartsWith("$.", StringComparison.Ordinal) ? json.Path[2..] : json.Path;
            var message = $"'{field}' has the wrong type.";
            return new ApiErrorBody(message, "validation_failed", new Dictionary<string, string[]> { [field] = [message] });
        }
        var where = json.LineNumber is { } line ? $" at line {line + 1}, byte {json.BytePositionInLine + 1}" : "";
        return new ApiErrorBody($"The request body is not valid JSON{where}.", "malformed_json");
    }

    private static bool IsMissingBody(BadHttpRequestException bad) =>
        bad.Message.Contains("no body was provided", StringComparison.Ordinal)
        || (bad.Message.Contains("body", StringComparison.OrdinalIgnoreCase) && bad.Message.Contains("not provided", StringComparison.OrdinalIgnoreCase));

    private static bool HasContent(HttpRequest request) => request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0;
}
