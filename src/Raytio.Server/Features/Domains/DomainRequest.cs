using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Domains;

/// <summary>
/// The body of operation 17: `name` (default: the domain), a `theme` object kept as given, and a
/// `logo` object of http(s) URLs (or null). Absent or null objects are stored empty: the body
/// replaces the settings whole.
/// </summary>
public sealed record DomainRequest(JsonNode? Name = null, JsonNode? Theme = null, JsonNode? Logo = null)
{
    public const int MaxNameLength = 253;
    public const int MaxThemeBytes = 16 * 1024;
    public const int MaxLogos = 20;
    public const int MaxLogoUrlLength = 2048;

    public DomainSettings Check(string domain)
    {
        var validation = new Validation();
        var name = CheckName(validation, domain);
        var theme = CheckTheme(validation);
        var logo = CheckLogo(validation);
        validation.ThrowIfAny();
        return new DomainSettings(name, theme, logo);
    }

    private string CheckName(Validation validation, string domain)
    {
        if (Name is null)
        {
            return domain;
        }
        if (Name.GetValueKind() != JsonValueKind.String)
        {
            validation.Add("name", "'name' must be a string.");
            return domain;
        }
        var name = Name.GetValue<string>().Trim();
        if (name.Length > MaxNameLength)
        {
            validation.Add("name", $"'name' must be at most {MaxNameLength} characters.");
        }
        return name.Length == 0 ? domain : name;
    }

    private string CheckTheme(Validation validation)
    {
        if (Theme is null)
        {
            return "{}";
        }
        if (Theme is not JsonObject)
        {
            validation.Add("theme", "'theme' must be an object.");
            return "{}";
        }
        var json = Theme.ToJsonString();
        if (Encoding.UTF8.GetByteCount(json) > MaxThemeBytes)
        {
            validation.Add("theme", $"'theme' must be at most {MaxThemeBytes} bytes of JSON.");
        }
        return json;
    }

    private string CheckLogo(Validation validation)
    {
        if (Logo is null)
        {
            return "{}";
        }
        if (Logo is not JsonObject logos)
        {
            validation.Add("logo", "'logo' must be an object of URLs.");
            return "{}";
        }
        if (logos.Count > MaxLogos)
        {
            validation.Add("logo", $"'logo' may hold at most {MaxLogos} URLs.");
        }
        var checkedLogos = new JsonObject();
        foreach (var (key, value) in logos)
        {
            var field = $"logo.{key}";
            if (value is null)
            {
                checkedLogos[key] = null;
            }
            else if (value.GetValueKind() != JsonValueKind.String)
            {
                validation.Add(field, $"'{field}' must be an http or https URL, or null.");
            }
            else
            {
                checkedLogos[key] = HttpUrls.Check(validation, field, value.GetValue<string>(), MaxLogoUrlLength);
            }
        }
        return checkedLogos.ToJsonString();
    }
}

/// <summary>Checked settings of a domain: its name and the theme and logo objects as JSON text.</summary>
public sealed record DomainSettings(string Name, string ThemeJson, string LogoJson)
{
    /// <summary>The answer of operations 16, 17 and the public read: `{"name","theme","logo"}`.</summary>
    public JsonObject ToAnswer() => new()
    {
        ["name"] = Name,
        ["theme"] = JsonNode.Parse(ThemeJson),
        ["logo"] = JsonNode.Parse(LogoJson),
    };

    public static DomainSettings Of(WhiteLabelDomain stored) => new(stored.Name, stored.ThemeJson, stored.LogoJson);
}
