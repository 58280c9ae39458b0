using System.ComponentModel.DataAnnotations;
using Raytio.Server.Providers.Outside;
using Raytio.Server.Providers.Xero.Sandbox;

namespace Raytio.Server.Providers.Xero;

public enum XeroProviderKind
{
    Sandbox,
    Live,
}

/// <summary>Settings Raytio:Xero:*: where operations 115-118 and the connect / callback additions go (docs/XERO.md).</summary>
public sealed class XeroOptions : IValidatableObject
{
    public const string Section = "Raytio:Xero";

    public XeroProviderKind Provider { get; set; } = XeroProviderKind.Sandbox;

    /// <summary>
    /// Where Xero sends the administrator back: this server's GET /xero/v1/callback as registered
    /// with the Xero app. Required for Live; unset in the Sandbox, the request's own address is used.
    /// </summary>
    public Uri? RedirectUri { get; set; }

    /// <summary>An access token this close to its expiry is refreshed before a call.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:20:00")]
    public TimeSpan RefreshMargin { get; set; } = TimeSpan.FromMinutes(2);

    public XeroSandboxOptions Sandbox { get; set; } = new();

    public XeroLiveOptions Live { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var results = new List<ValidationResult>();
        if (RedirectUri is { IsAbsoluteUri: false })
        {
            results.Add(new ValidationResult("Raytio:Xero:RedirectUri must be an absolute URL.", [nameof(RedirectUri)]));
        }
        if (Provider == XeroProviderKind.Live)
        {
            Validator.TryValidateObject(Live, new ValidationContext(Live), results, validateAllProperties: true);
            foreach (var (value, name) in new[] { (Live.ClientId, "ClientId"), (Live.ClientSecret, "ClientSecret") })
            {
                if (string.IsNullOrWhiteSpace(value))
                {
                    results.Add(new ValidationResult(
                        $"the Live provider needs the Xero app's {name} (Raytio:Xero:Live:{name}; environment Raytio__Xero__Live__{name}).", [$"Live.{name}"]));
                }
            }
            if (RedirectUri is null)
            {
                results.Add(new ValidationResult(
                    "the Live provider needs the redirect URI registered with the Xero app (Raytio:Xero:RedirectUri, this server's /xero/v1/callback).", [nameof(RedirectUri)]));
            }
        }
        return results;
    }
}

public sealed class XeroSandboxOptions
{
    /// <summary>The demo ledger generator's seed: the same seed (and month) gives the same ledger.</summary>
    public ulong Seed { get; set; } = DemoLedgerGenerator.DefaultSeed;
}

/// <summary>Xero's identity service and Accounting API: addresses, the app's credentials and the HTTP behaviour.</summary>
public sealed class XeroLiveOptions : ProviderHttpOptions
{
    [Required]
    public Uri AuthorizeUrl { get; set; } = new("https://login.xero.com/identity/connect/authorize");

    [Required]
    public Uri TokenUrl { get; set; } = new("https://identity.xero.com/connect/token");

    [Required]
    public Uri ConnectionsUrl { get; set; } = new("https://api.xero.com/connections");

    /// <summary>The Accounting API; reports are GET {ApiBaseUrl}Reports/{Name}.</summary>
    [Required]
    public Uri ApiBaseUrl { get; set; } = new("https://api.xero.com/api.xro/2.0/");

    /// <summary>The reports, the organisation's settings and a refresh token (offline_access).</summary>
    [Required]
    public string Scopes { get; set; } = "offline_access accounting.reports.read accounting.settings.read";

    /// <summary>Only from configuration or the environment; never stored by the server.</summary>
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }
}
