using System.Text.Json.Nodes;

namespace Raytio.Server.Features.AccessApplications;

/// <summary>
/// The reference's application shape (operations 69-72). Authorised users see it whole (never the
/// secret, which only the answer that makes it carries); anyone else who may share with the
/// application sees its public description.
/// </summary>
public static class ApplicationAnswers
{
    public static JsonObject Public(AccessApplication application) => new()
    {
        ["a_id"] = application.Id,
        ["name"] = application.Name,
        ["description"] = application.Description,
        ["scopes"] = JsonNode.Parse(application.ScopesJson),
        ["picture"] = application.Picture,
        ["theme"] = Theme(application),
    };

    public static JsonObject Full(AccessApplication application, string? secret = null)
    {
        var answer = new JsonObject
        {
            ["a_id"] = application.Id,
            ["name"] = application.Name,
            ["description"] = application.Description,
            ["scopes"] = JsonNode.Parse(application.ScopesJson),
            ["callback_uri"] = JsonNode.Parse(application.CallbackUrisJson),
            ["logout_uri"] = application.LogoutUri,
            ["picture"] = application.Picture,
            ["transitions"] = JsonNode.Parse(application.TransitionsJson),
            ["tags"] = JsonNode.Parse(application.TagsJson),
            ["theme"] = Theme(application),
            ["org_id"] = application.OrganizationId,
            ["owner"] = application.OwnerId,
            ["key"] = application.ClientKey,
        };
        if (secret is not null)
        {
            answer["secret"] = secret;
        }
        return answer;
    }

    private static JsonNode? Theme(AccessApplication application) => application.ThemeJson is { } theme ? JsonNode.Parse(theme) : null;
}
