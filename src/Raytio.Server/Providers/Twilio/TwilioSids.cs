using System.Security.Cryptography;

namespace Raytio.Server.Providers.Twilio;

/// <summary>Twilio-style SIDs: two letters and 32 lower-case hex digits (128 random bits).</summary>
public static class TwilioSids
{
    public const int Length = 34;

    public static string NewVerification() => "VE" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
