namespace Raytio.Server.Hosting;

/// <summary>
/// URLs the server stores to send people to (short links, request pages): absolute http or https
/// only, so a link can never run script (javascript:), carry a document (data:) or open another
/// scheme; no user name or password part, which disguises the real host
/// (https://bank.example@evil.example).
/// </summary>
public static class HttpUrls
{
    /// <summary>Adds an error naming <paramref name="field"/> when the URL is missing, too long or not plain http(s); returns it trimmed.</summary>
    public static string Check(Validation validation, string field, string? url, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            validation.Add(field, $"'{field}' is required.");
            return "";
        }
        var trimmed = url.Trim();
        if (trimmed.Length > maxLength)
        {
            validation.Add(field, $"'{field}' must be at most {maxLength} characters.");
        }
        else if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var parsed)
            || (parsed.Scheme != Uri.UriSchemeHttps && parsed.Scheme != Uri.UriSchemeHttp)
            || string.IsNullOrEmpty(parsed.Host))
        {
            validation.Add(field, $"'{field}' must be an absolute http or https URL.");
        }
        else if (parsed.UserInfo.Length > 0)
        {
            validation.Add(field, $"'{field}' must not contain a user name or password.");
        }
        return trimmed;
    }
}
