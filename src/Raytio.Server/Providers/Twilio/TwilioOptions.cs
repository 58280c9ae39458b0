using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Raytio.Server.Providers.Outside;

namespace Raytio.Server.Providers.Twilio;

public enum OneTimeCodeEngineKind
{
    /// <summary>Our own engine: codes made, hashed, checked and limited here (docs/ONE-TIME-CODES.md).</summary>
    Local,

    /// <summary>Twilio Verify makes, sends and checks the codes; we keep only who started which verification.</summary>
    Live,
}

/// <summary>Settings Raytio:Twilio:*: which engine answers operations 110 and 111, and how.</summary>
public sealed partial class TwilioOptions : IValidatableObject
{
    public const string Section = "Raytio:Twilio";

    public OneTimeCodeEngineKind Engine { get; set; } = OneTimeCodeEngineKind.Local;

    /// <summary>Digits in a code the Local engine makes (Twilio's range, its default).</summary>
    [Range(4, 10)]
    public int CodeLength { get; set; } = 6;

    public TwilioLiveOptions Live { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Engine != OneTimeCodeEngineKind.Live)
        {
            return [];
        }
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(Live, new ValidationContext(Live), results, validateAllProperties: true);
        Require(results, Live.AccountSid, AccountSidPattern(), "AccountSid", "the account SID (AC followed by 32 hex digits)");
        Require(results, Live.ServiceSid, ServiceSidPattern(), "ServiceSid", "the Verify service SID (VA followed by 32 hex digits)");
        if (string.IsNullOrWhiteSpace(Live.AuthToken))
        {
            results.Add(new ValidationResult(
                "the Live engine needs the auth token (Raytio:Twilio:Live:AuthToken; environment Raytio__Twilio__Live__AuthToken).", ["Live.AuthToken"]));
        }
        return results;
    }

    private static void Require(List<ValidationResult> results, string? value, Regex pattern, string name, string what)
    {
        if (value is null || !pattern.IsMatch(value))
        {
            results.Add(new ValidationResult($"the Live engine needs {what} in Raytio:Twilio:Live:{name}.", [$"Live.{name}"]));
        }
    }

    [GeneratedRegex("^AC[0-9a-fA-F]{32}$")]
    private static partial Regex AccountSidPattern();

    [GeneratedRegex("^VA[0-9a-fA-F]{32}$")]
    private static partial Regex ServiceSidPattern();
}

/// <summary>Twilio Verify v2: where it is, the credentials (HTTP Basic: account SID and auth token) and the HTTP behaviour.</summary>
public sealed class TwilioLiveOptions : ProviderHttpOptions
{
    [Required]
    public Uri BaseUrl { get; set; } = new("https://verify.twilio.com/");

    public string? AccountSid { get; set; }

    /// <summary>Only from configuration or the environment; never stored by the server.</summary>
    public string? AuthToken { get; set; }

    /// <summary>The Verify service (VA...) whose settings (code length, name, templates) Twilio applies.</summary>
    public string? ServiceSid { get; set; }

    /// <summary>
    /// The Verify service's code length (its `code_length`, Twilio's default 6); it must match the
    /// service. A code given as a JSON number is padded with zeros to it before Twilio checks it.
    /// </summary>
    [Range(4, 10)]
    public int CodeLength { get; set; } = 6;
}
