using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Raytio.Server.Hosting;

internal static class ErrorResponses
{
    public static async Task WriteAsync(HttpContext context, int status, ApiErrorBody body)
    {
        if (context.Response.HasStarted)
        {
            return;
        }
        context.Response.StatusCode = status;
        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        context.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(context.Response.Body, body, options, context.RequestAborted);
    }

    /// <summary>Gives empty error responses (unknown route, wrong method, failed challenge) a body.</summary>
    public static Task WriteForEmptyStatusAsync(HttpContext context)
    {
        var request = context.Request;
        var status = context.Response.StatusCode;
        var body = status switch
        {
            StatusCodes.Status404NotFound => new ApiErrorBody($"No operation at {request.Method} {request.Path}.", "not_found"),
            StatusCodes.Status405MethodNotAllowed => new ApiErrorBody($"Method {request.Method} is not allowed on {request.Path}.", "method_not_allowed"),
            StatusCodes.Status401Unauthorized => new ApiErrorBody("A valid bearer identity_token is required.", "unauthorized"),
            StatusCodes.Status403Forbidden => new ApiErrorBody("You are not allowed to do this.", "forbidden"),
            StatusCodes.Status413PayloadTooLarge => new ApiErrorBody("The request body is too large.", "payload_too_large"),
            StatusCodes.Status415UnsupportedMediaType => new ApiErrorBody("The request body must be JSON (Content-Type: application/json).", "unsupported_media_type"),
            StatusCodes.Status429TooManyRequests => new ApiErrorBody("Too many attempts. Try again later.", "too_many_requests"),
            >= 500 => new ApiErrorBody("An unexpected error occurred.", "internal_error"),
            _ => new ApiErrorBody("The request is malformed.", "bad_request"),
        };
        return WriteAsync(context, status, body);
    }
}
