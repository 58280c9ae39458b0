using System.Net.Mail;

namespace Raytio.Server.Hosting;

/// <summary>Email addresses as requests give them: trimmed and lower-cased, so comparisons are exact.</summary>
public static class EmailAddresses
{
    public const int MaximumLength = 320;

    public static string Normalize(string address) => address.Trim().ToLowerInvariant();

    /// <summary>Adds an error naming <paramref name="field"/> for a missing or malformed address; returns the normalized form.</summary>
    public static string Check(Validation validation, string field, string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            validation.Add(field, $"'{field}' is required.");
            return "";
        }
        var normalized = Normalize(address);
        if (normalized.Length > MaximumLength
            || !MailAddress.TryCreate(normalized, out var parsed)
            || parsed.Address != normalized
            || !parsed.Host.Contains('.', StringComparison.Ordinal))
        {
            validation.Add(field, $"'{field}' must be an email address.");
        }
        return normalized;
    }
}
