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
        var (status, body, retryAfter) = Describe(exception);
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

    private static (int Status, ApiErrorBody Body, TimeSpan? RetryAfter) Describe(Exception exception) => exception switch
    {
        ApiException api => (api.Status, new ApiErrorBody(api.Message, api.Code, api.Errors), api.RetryAfter),
        BadHttpRequestException bad => (bad.StatusCode, DescribeBadRequest(bad), null),
        JsonException json => (StatusCodes.Status400BadRequest, DescribeJson(json), null),
        _ => (StatusCodes.Status500InternalServerError, new ApiErrorBody("An unexpected error occurred.", "internal_error"), null),
    };

    private static ApiErrorBody DescribeBadRequest(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
        {
            return DescribeJson(json);
        }
        return bad.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => new ApiErrorBody("The request body is too large.", "payload_too_large"),
            StatusCodes.Status415UnsupportedMediaType => new ApiErrorBody("The request body must be JSON (Content-Type: application/json).", "unsupported_media_type"),
            _ when bad.Message.Contains("body", StringComparison.OrdinalIgnoreCase) && bad.Message.Contains("not provided", StringComparison.OrdinalIgnoreCase)
                => new ApiErrorBody("A JSON request body is required.", "body_required"),
            _ => new ApiErrorBody("The request is malformed.", "bad_request"),
        };
    }

    private static ApiErrorBody DescribeJson(JsonException json)
    {
        var where = json.LineNumber is { } line ? $" at line {line + 1}, byte {json.BytePositionInLine + 1}" : "";
        if (!string.IsNullOrEmpty(json.Path) && json.Path != "$" && json.Message.Contains("could not be converted", StringComparison.Ordinal))
        {
            var field = json.Path.StartsWith("$.", StringComparison.Ordinal) ? json.Path[2..] : json.Path;
            var message = $"'{field}' has the wrong type.";
            return new ApiErrorBody(message, "validation_failed", new Dictionary<string, string[]> { [field] = [message] });
        }
        return new ApiErrorBody($"The request body is not valid JSON{where}.", "malformed_json");
    }
}
