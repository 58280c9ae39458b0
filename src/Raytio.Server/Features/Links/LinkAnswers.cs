using System.Text.Json.Nodes;

namespace Raytio.Server.Features.Links;

/// <summary>Links in the reference's shapes.</summary>
public static class LinkAnswers
{
    /// <summary>Operations 9 and 10.</summary>
    public static JsonObject Of(string id, string url, bool persist) => new()
    {
        ["persist"] = persist,
        ["url"] = url,
        ["short_link_id"] = id,
    };

    /// <summary>One entry of an organisation's `links`.</summary>
    public static JsonObject OfOrganization(ShortLink link) => new()
    {
        ["short_link_id"] = link.Id,
        ["url"] = link.Url,
        ["description"] = link.Description,
    };
}
