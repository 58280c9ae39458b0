namespace Raytio.Server.Providers.Twilio;

/// <summary>Twilio Verify's limits, which the Local engine keeps (shared/providers/twilio/README.md).</summary>
public static class OneTimeCodeRules
{
    /// <summary>A verification's lifetime from its first send.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>Checks of one verification; the next one is refused (60202).</summary>
    public const int MaxChecks = 5;

    /// <summary>Sends to one destination within <see cref="SendWindow"/>, whoever asks; the next one is refused (60203).</summary>
    public const int MaxSends = 5;

    public static readonly TimeSpan SendWindow = TimeSpan.FromMinutes(10);
}
