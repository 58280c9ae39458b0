using System.Net.Mail;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Auth;

/// <summary>Usernames are email addresses, compared and stored lower-case.</summary>
public static class Usernames
{
    public const int MaximumLength = 320;

    public static string Normalize(string username) => username.Trim().ToLowerInvariant();

    /// <summary>Adds an error for a missing or malformed username; returns the normalized form.</summary>
    public static string Check(Validation validation, string? username)
    {
        if (string.IsNullOrWhiteSpace(username))
        {
            validation.Add("username", "'username' is required.");
            return "";
        }
        var normalized = Normalize(username);
        if (normalized.Length > MaximumLength
            || !MailAddress.TryCreate(normalized, out var address)
            || address.Address != normalized
            || !address.Host.Contains('.', StringComparison.Ordinal))
        {
            validation.Add("username", "'username' must be an email address.");
        }
        return normalized;
    }
}
