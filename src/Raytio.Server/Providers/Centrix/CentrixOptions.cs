using System.ComponentModel.DataAnnotations;
using Raytio.Server.Providers.Outside;

namespace Raytio.Server.Providers.Centrix;

public enum CentrixProviderKind
{
    Sandbox,
    Live,
}

/// <summary>
/// Settings Raytio:Centrix:*: the Sandbox (default) or Centrix's SOAP services answer operations
/// 99, 100 and the driver licence check (98), which Centrix resells.
/// </summary>
public sealed class CentrixOptions : IValidatableObject
{
    public const string Section = "Raytio:Centrix";

    public CentrixProviderKind Provider { get; set; } = CentrixProviderKind.Sandbox;

    public CentrixLiveOptions Live { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var results = new List<ValidationResult>();
        if (Provider != CentrixProviderKind.Live)
        {
            return results;
        }
        Validator.TryValidateObject(Live, new ValidationContext(Live), results, validateAllProperties: true);
        foreach (var (name, value) in new[]
        {
            ("BaseUrl", Live.BaseUrl?.ToString()), ("Username", Live.Username), ("Password", Live.Password),
            ("SubscriberId", Live.SubscriberId), ("UserId", Live.UserId), ("UserKey", Live.UserKey),
        })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                results.Add(new ValidationResult(
                    $"the Live Centrix provider needs Raytio:Centrix:Live:{name} (environment Raytio__Centrix__Live__{name}), given by Centrix to its subscribers.",
                    [$"Live.{name}"]));
            }
        }
        return results;
    }
}

/// <summary>
/// Centrix's SOAP 1.1 (WCF) services: the host Centrix gives its subscriber (its test host is
/// https://test2.centrix.co.nz/), HTTP Basic credentials, the request credentials of every
/// enquiry (SubscriberID, UserID, UserKey), the product codes and service paths, and the HTTP
/// behaviour. Credentials come only from configuration or the environment and are never logged.
/// </summary>
public sealed class CentrixLiveOptions : ProviderHttpOptions
{
    public Uri? BaseUrl { get; set; }

    public string? Username { get; set; }

    public string? Password { get; set; }

    public string? SubscriberId { get; set; }

    public string? UserId { get; set; }

    public string? UserKey { get; set; }

    /// <summary>The consumer service (public callers show v16/Consumers.svc and its GetCreditReportProducts operation).</summary>
    [Required]
    public string ConsumerServicePath { get; set; } = "v16/Consumers.svc";

    /// <summary>The service product of a consumer credit report (Centrix's code list is given to subscribers; set it from theirs).</summary>
    [Required]
    public string ConsumerProductCode { get; set; } = "CreditReport";

    /// <summary>The service product of the NZTA driver licence check (the name public callers map it to).</summary>
    [Required]
    public string DriverLicenceProductCode { get; set; } = "DriverLicenceVerification";

    /// <summary>The commercial report service: no public caller shows it; these defaults follow the consumer service's naming and are to be set from Centrix's WSDL.</summary>
    [Required]
    public string CommercialServicePath { get; set; } = "v16/Commercial.svc";

    [Required]
    public string CommercialOperation { get; set; } = "GetCommercialCreditReport";
}
