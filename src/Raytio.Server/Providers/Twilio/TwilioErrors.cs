using Raytio.Server.Hosting;

namespace Raytio.Server.Providers.Twilio;

/// <summary>
/// The refusals of operations 110 and 111: our body and code, with Twilio's code beside them
/// (`twilio_code`), so a client written against Twilio Verify can read them.
/// </summary>
public static class TwilioErrors
{
    public const int InvalidParameter = 60200;
    public const int MaxCheckAttemptsCode = 60202;
    public const int MaxSendAttemptsCode = 60203;
    public const int NotFoundCode = 20404;

    public const string VerificationNotFound = "verification_not_found";
    public const string MaxCheckAttempts = "max_check_attempts";
    public const string MaxSendAttempts = "max_send_attempts";
    public const string DestinationBusyCode = "destination_busy";

    /// <summary>No pending verification of the caller's to the destination: never started, approved, expired, or someone else's.</summary>
    public static ApiException NotFound() =>
        new(StatusCodes.Status404NotFound, VerificationNotFound, "There is no pending verification to this destination; start one with POST /twilio/v1/verify.")
        { TwilioCode = NotFoundCode };

    public static ApiException CheckAttemptsReached(TimeSpan? retryAfter) =>
        new(StatusCodes.Status429TooManyRequests, MaxCheckAttempts, "The code was checked the most times allowed; start a new verification for a new code.")
        { TwilioCode = MaxCheckAttemptsCode, RetryAfter = retryAfter };

    public static ApiException SendAttemptsReached(TimeSpan? retryAfter) =>
        new(StatusCodes.Status429TooManyRequests, MaxSendAttempts, "Codes were sent to this destination the most times allowed in 10 minutes; wait before asking again.")
        { TwilioCode = MaxSendAttemptsCode, RetryAfter = retryAfter };

    /// <summary>Live engine: another owner's verification to the destination is pending, and Twilio would share its code (no Twilio code: Twilio itself would answer 201).</summary>
    public static ApiException DestinationBusy(TimeSpan retryAfter) =>
        new(StatusCodes.Status409Conflict, DestinationBusyCode, "A code sent to this destination for another account is still pending; try again when it has expired.")
        { RetryAfter = retryAfter };

    /// <summary>A 400 naming the field, with Twilio's "invalid parameter".</summary>
    public static ApiException Invalid(string field, string message)
    {
        var invalid = ApiException.Invalid(field, message);
        return new ApiException(invalid.Status, invalid.Code, invalid.Message, invalid.Errors) { TwilioCode = InvalidParameter };
    }
}
