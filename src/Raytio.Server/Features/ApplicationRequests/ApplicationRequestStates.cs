namespace Raytio.Server.Features.ApplicationRequests;

/// <summary>The reference's states. Only `sent` and `complete` are stored; `resend` and `deleted` are actions of a PATCH.</summary>
public static class ApplicationRequestStates
{
    public const string Sent = "sent";
    public const string Complete = "complete";
    public const string Resend = "resend";
    public const string Deleted = "deleted";
}
