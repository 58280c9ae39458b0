using System.Text.Json;
using System.Text.Json.Nodes;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.AccessApplications;

/// <summary>
/// The checked body of operation 70 (create) or the PATCH: each field is null when the body does
/// not carry it (a PATCH keeps it then). Scopes are checked against the resource servers later,
/// by <see cref="ApplicationScopes"/>, since that needs the database.
/// </summary>
public sealed record ApplicationBody(
    string? Name,
    string? Description,
    IReadOnlyList<string>? Scopes,
    IReadOnlyList<string>? CallbackUris,
    string? LogoutUri,
    string? Picture,
    ApplicationTransitions? Transitions,
    IReadOnlyList<string>? Tags,
    JsonObject? Theme,
    bool GenerateSecret,
    Guid? OrganizationId)
{
    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 4000;
    public const int MaxUriLength = 2048;
    public const int MaxScopes = 50;
    public const int MaxCallbackUris = 10;
    public const int MaxTags = 50;
    public const int MaxTagLength = 100;
    public const int MaxThemeLength = 16 * 1024;

    /// <summary>Fields a PATCH may clear with null (the others are required or lists).</summary>
    public IReadOnlySet<string> Cleared { get; init; } = new HashSet<string>();

    public static ApplicationBody ForCreate(JsonElement body) => Parse(body, creating: true);

    public static ApplicationBody ForPatch(JsonElement body) => Parse(body, creating: false);

    private static ApplicationBody Parse(JsonElement element, bool creating)
    {
        if (element.ValueKind != JsonValueKind.Object || JsonNode.Parse(element.GetRawText()) is not JsonObject body)
        {
            throw ApiException.BadRequest("invalid_body", "The body must be a JSON object.");
        }
        var validation = new Validation();
        var cleared = new HashSet<string>(StringComparer.Ordinal);
        var name = Text(validation, body, "name", MaxNameLength, required: creating, cleared);
        var description = Text(validation, body, "description", MaxDescriptionLength, required: false, cleared);
        var scopes = Strings(validation, body, "scopes", MaxScopes, ApplicationScopes.MaxNameLength, required: creating);
        var callbackUris = Strings(validation, body, "callback_uri", MaxCallbackUris, MaxUriLength, required: creating);
        if (callbackUris is not null)
        {
            if (callbackUris.Count == 0)
            {
                validation.Add("callback_uri", "'callback_uri' must name at least one URL.");
            }
            for (var i = 0; i < callbackUris.Count; i++)
            {
                if (!HttpsUrls.IsHttpsOrLoopback(callbackUris[i]))
                {
                    validation.Add($"callback_uri[{i}]", $"'callback_uri[{i}]' must be an https URL (http only on a loopback address).");
                }
            }
        }
        var logoutUri = Text(validation, body, "logout_uri", MaxUriLength, required: false, cleared);
        if (logoutUri is not null && !HttpsUrls.IsHttpsOrLoopback(logoutUri))
        {
            validation.Add("logout_uri", "'logout_uri' must be an https URL (http only on a loopback address).");
        }
        var picture = Text(validation, body, "picture", MaxUriLength, required: false, cleared);
        var tags = Strings(validation, body, "tags", MaxTags, MaxTagLength, required: false);
        var theme = ThemeOf(validation, body, cleared);
        var generateSecret = GenerateSecretOf(validation, body);
        var organizationId = creating ? Organization(validation, body) : null;
        if (!creating && body.ContainsKey("org_id"))
        {
            validation.Add("org_id", "'org_id' is set when the application is created and cannot be changed.");
        }
        ApplicationTransitions? transitions = null;
        if (body.TryGetPropertyValue("transitions", out var transitionsNode) && (creating || transitionsNode is not null))
        {
            validation.ThrowIfAny();
            transitions = ApplicationTransitions.Parse(transitionsNode);
        }
        else if (creating)
        {
            transitions = ApplicationTransitions.Parse(null);
        }
        validation.ThrowIfAny();
        return new ApplicationBody(name, description, scopes, callbackUris, logoutUri, picture, transitions, tags, theme, generateSecret, organizationId)
        {
            Cleared = cleared,
        };
    }

    private static string? Text(Validation validation, JsonObject body, string field, int maxLength, bool required, HashSet<string> cleared)
    {
        if (!body.TryGetPropertyValue(field, out var node) || node is null)
        {
            if (required)
            {
                validation.Add(field, $"'{field}' is required.");
            }
            else if (body.ContainsKey(field))
            {
                cleared.Add(field);
            }
            return null;
        }
        if (node is not JsonValue value || !value.TryGetValue<string>(out var text))
        {
            validation.Add(field, $"'{field}' must be a string.");
            return null;
        }
        var trimmed = text.Trim();
        if (required && trimmed.Length == 0)
        {
            validation.Add(field, $"'{field}' must not be empty.");
        }
        else if (trimmed.Length > maxLength)
        {
            validation.Add(field, $"'{field}' must be at most {maxLength} characters.");
        }
        return trimmed;
    }

    private static List<string>? Strings(Validation validation, JsonObject body, string field, int maxCount, int maxLength, bool required)
    {
        if (!body.TryGetPropertyValue(field, out var node) || node is null)
        {
            if (required)
            {
                validation.Add(field, $"'{field}' is required.");
            }
            return null;
        }
        if (node is not JsonArray items || items.Count > maxCount)
        {
            validation.Add(field, $"'{field}' must be an array of at most {maxCount} strings.");
            return null;
        }
        var strings = new List<string>();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is JsonValue value && value.TryGetValue<string>(out var text) && text.Trim().Length is > 0 and var length && length <= maxLength)
            {
                strings.Add(text.Trim());
            }
            else
            {
                validation.Add($"{field}[{i}]", $"'{field}[{i}]' must be a non-empty string of at most {maxLength} characters.");
            }
        }
        return [.. strings.Distinct(StringComparer.Ordinal)];
    }

    private static JsonObject? ThemeOf(Validation validation, JsonObject body, HashSet<string> cleared)
    {
        if (!body.TryGetPropertyValue("theme", out var node) || node is null)
        {
            if (body.ContainsKey("theme"))
            {
                cleared.Add("theme");
            }
            return null;
        }
        if (node is not JsonObject theme)
        {
            validation.Add("theme", "'theme' must be an object.");
            return null;
        }
        if (theme.ToJsonString().Length > MaxThemeLength)
        {
            validation.Add("theme", $"'theme' must be at most {MaxThemeLength} characters of JSON.");
        }
        return theme.DeepClone().AsObject();
    }

    private static bool GenerateSecretOf(Validation validation, JsonObject body)
    {
        if (!body.TryGetPropertyValue("generate_secret", out var node) || node is null)
        {
            return false;
        }
        if (node is JsonValue value && value.TryGetValue<bool>(out var generate))
        {
            return generate;
        }
        validation.Add("generate_secret", "'generate_secret' must be true or false.");
        return false;
    }

    private static Guid? Organization(Validation validation, JsonObject body)
    {
        if (!body.TryGetPropertyValue("org_id", out var node) || node is null)
        {
            return null;
        }
        if (node is JsonValue value && value.TryGetValue<string>(out var text) && Guid.TryParse(text, out var id))
        {
            return id;
        }
        validation.Add("org_id", "'org_id' must be a GUID.");
        return null;
    }
}
