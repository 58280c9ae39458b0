namespace Raytio.Server.Providers.Twilio;

/// <summary>How a code reaches its destination; the reference's names (Twilio calls voice `call`).</summary>
public enum CodeChannel
{
    Sms,
    Voice,
    Email,
}

/// <summary>Twilio's statuses as far as this server uses them.</summary>
public static class VerificationStatus
{
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Canceled = "canceled";
    public const string Expired = "expired";
}

/// <summary>
/// Whose verification it is: the organisation the caller named (`org_id`), whose members may all
/// check it, or else the user alone.
/// </summary>
public sealed record VerificationOwner(Guid UserId, Guid? OrganizationId);

/// <summary>A destination in its normal form (E.164 with its `+`, or a lower-case email address) and its keyed hash, the only form stored.</summary>
public sealed record Destination(string Address, string Hash);

public sealed record VerificationStart(VerificationOwner Owner, Destination To, CodeChannel Channel);

public sealed record VerificationAttempt(VerificationOwner Owner, Destination To, string Code);

public sealed record SendAttempt(CodeChannel Channel, DateTime Time);

/// <summary>A verification as operations 110 and 111 answer it (Twilio's fields).</summary>
public sealed record VerificationAnswer(
    string Sid, string ServiceSid, string AccountSid, CodeChannel Channel, string Status,
    IReadOnlyList<SendAttempt> SendCodeAttempts, DateTime DateCreated, DateTime DateUpdated)
{
    public bool Valid => Status == VerificationStatus.Approved;
}
