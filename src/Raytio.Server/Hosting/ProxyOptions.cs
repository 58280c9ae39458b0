using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Raytio.Server.Hosting;

/// <summary>
/// Settings under Raytio:Proxy: the load balancers or reverse proxies whose X-Forwarded-For and
/// X-Forwarded-Proto are believed. None by default, so a client cannot pick its own address for
/// the per-client throttles; behind a proxy, list it here or every client shares its address.
/// </summary>
public sealed class ProxyOptions : IValidatableObject
{
    public const string Section = "Raytio:Proxy";

    /// <summary>Addresses of trusted proxies, e.g. "10.0.0.5".</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR form, e.g. "10.0.0.0/16".</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in a chain are unwrapped from X-Forwarded-For.</summary>
    [Range(1, 10)]
    public int ForwardLimit { get; set; } = 1;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var address in KnownProxies.Where(a => !IPAddress.TryParse(a, out _)))
        {
            yield return new ValidationResult($"'{address}' is not an IP address.", [nameof(KnownProxies)]);
        }
        foreach (var network in KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _)))
        {
            yield return new ValidationResult($"'{network}' is not a network in CIDR form (e.g. 10.0.0.0/16).", [nameof(KnownNetworks)]);
        }
    }
}
