using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Links;

/// <summary>Operation 9: `persist` false or missing gives a link that expires, with a URL of at most 2048 characters.</summary>
public sealed record ShortLinkRequest(string? Url = null, bool? Persist = null);

/// <summary>Operation 31: an organisation's link, kept, with an optional description.</summary>
public sealed record OrganizationLinkRequest(string? Url = null, string? Description = null)
{
    public const int MaxDescriptionLength = 1000;

    /// <summary>The trimmed description, null when missing or blank.</summary>
    public string? CheckDescription(Validation validation)
    {
        var description = Description?.Trim();
        if (string.IsNullOrEmpty(description))
        {
            return null;
        }
        if (description.EnumerateRunes().Count() > MaxDescriptionLength)
        {
            validation.Add("description", $"'description' must be at most {MaxDescriptionLength} characters.");
        }
        return description;
    }
}
