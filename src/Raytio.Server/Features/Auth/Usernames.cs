using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Auth;

/// <summary>Usernames are email addresses, compared and stored lower-case.</summary>
public static class Usernames
{
    public const int MaximumLength = EmailAddresses.MaximumLength;

    public static string Normalize(string username) => EmailAddresses.Normalize(username);

    /// <summary>Adds an error for a missing or malformed username; returns the normalized form.</summary>
    public static string Check(Validation validation, string? username) => EmailAddresses.Check(validation, "username", username);
}
