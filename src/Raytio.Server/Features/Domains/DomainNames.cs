using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Domains;

/// <summary>
/// White-label domain names as stored: host names of at least two labels, lower-case ASCII
/// (international names in their punycode `xn--` form), one trailing dot of the absolute form
/// dropped. IP addresses are not domains: the top label may not be all digits.
/// </summary>
public static class DomainNames
{
    public const string RouteField = "domain";
    public const int MaxLength = 253;
    private const int MaxLabelLength = 63;

    /// <summary>The stored form of <paramref name="domain"/>, or a 400 naming `domain`.</summary>
    public static string Normalize(string? domain)
    {
        var name = (domain ?? "").ToLowerInvariant();
        if (name.EndsWith('.'))
        {
            name = name[..^1];
        }
        return Problem(name) is { } problem ? throw ApiException.Invalid(RouteField, $"'{RouteField}' {problem}") : name;
    }

    private static string? Problem(string name)
    {
        if (name.Length is 0 or > MaxLength)
        {
            return $"must be a domain name of 1 to {MaxLength} characters.";
        }
        var labels = name.Split('.');
        if (labels.Length < 2)
        {
            return "must have at least two labels (example.com).";
        }
        if (labels.FirstOrDefault(label => !IsLabel(label)) is { } bad)
        {
            return $"has an invalid label '{bad}': labels are 1 to {MaxLabelLength} letters, digits or hyphens, not starting or ending with a hyphen.";
        }
        return labels[^1].All(char.IsAsciiDigit) ? "must be a domain name, not an IP address." : null;
    }

    private static bool IsLabel(string label) =>
        label.Length is > 0 and <= MaxLabelLength
        && label[0] != '-' && label[^1] != '-'
        && label.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
