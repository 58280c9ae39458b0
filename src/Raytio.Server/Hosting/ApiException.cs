namespace Raytio.Server.Hosting;

/// <summary>
/// A failure with a status code and the error body of ENDPOINTS.md. Thrown by handlers and
/// turned into a response in one place (<see cref="ApiExceptionHandler"/>).
/// </summary>
public sealed class ApiException(int status, string code, string message, IReadOnlyDictionary<string, string[]>? errors = null)
    : Exception(message)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    public IReadOnlyDictionary<string, string[]>? Errors { get; } = errors;

    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Twilio's error code for the same failure, answered beside ours by the one-time-code operations (110, 111).</summary>
    public int? TwilioCode { get; init; }

    public static ApiException BadRequest(string code, string message) => new(StatusCodes.Status400BadRequest, code, message);

    public static ApiException Validation(IReadOnlyDictionary<string, string[]> errors) =>
        new(StatusCodes.Status400BadRequest, "validation_failed", string.Join(" ", errors.SelectMany(e => e.Value)), errors);

    /// <summary>A 400 for one field.</summary>
    public static ApiException Invalid(string field, string message) => Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static ApiException Unauthorized(string code, string message) => new(StatusCodes.Status401Unauthorized, code, message);

    public static ApiException Forbidden(string code, string message) => new(StatusCodes.Status403Forbidden, code, message);

    public static ApiException NotFound(string code, string message) => new(StatusCodes.Status404NotFound, code, message);

    public static ApiException Conflict(string code, string message) => new(StatusCodes.Status409Conflict, code, message);

    public static ApiException TooManyRequests(TimeSpan retryAfter) =>
        new(StatusCodes.Status429TooManyRequests, "too_many_requests", "Too many attempts. Try again later.") { RetryAfter = retryAfter };
}
