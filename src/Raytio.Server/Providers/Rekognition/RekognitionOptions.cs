using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Raytio.Server.Providers.Outside;

namespace Raytio.Server.Providers.Rekognition;

public enum RekognitionProviderKind
{
    Sandbox,
    Live,
}

/// <summary>Settings Raytio:Rekognition:*: which comparer answers operation 112, and how.</summary>
public sealed partial class RekognitionOptions : IValidatableObject
{
    public const string Section = "Raytio:Rekognition";

    public RekognitionProviderKind Provider { get; set; } = RekognitionProviderKind.Sandbox;

    /// <summary>The operation's own body limit: two 5 MB images in base64 are about 14 MB.</summary>
    [Range(1024, 64L * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 16L * 1024 * 1024;

    public RekognitionLiveOptions Live { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider != RekognitionProviderKind.Live)
        {
            return [];
        }
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(Live, new ValidationContext(Live), results, validateAllProperties: true);
        if (string.IsNullOrWhiteSpace(Live.AccessKeyId) || string.IsNullOrWhiteSpace(Live.SecretAccessKey))
        {
            results.Add(new ValidationResult(
                "the Live provider needs AWS credentials (Raytio:Rekognition:Live:AccessKeyId and SecretAccessKey; environment Raytio__Rekognition__Live__AccessKeyId / __SecretAccessKey).",
                ["Live.AccessKeyId", "Live.SecretAccessKey"]));
        }
        if (!RegionPattern().IsMatch(Live.Region))
        {
            results.Add(new ValidationResult($"Raytio:Rekognition:Live:Region '{Live.Region}' is not an AWS region name (e.g. ap-southeast-2).", ["Live.Region"]));
        }
        if (Live.Endpoint is not null && (Live.UseFips || Live.UseDualStack))
        {
            // As Rekognition's endpoint rule set: a custom endpoint takes neither variant.
            results.Add(new ValidationResult("Raytio:Rekognition:Live:Endpoint cannot be combined with UseFips or UseDualStack.", ["Live.Endpoint"]));
        }
        return results;
    }

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]+$")]
    private static partial Regex RegionPattern();
}

/// <summary>AWS Rekognition CompareFaces: region (the endpoint follows from it), credentials and the HTTP behaviour.</summary>
public sealed class RekognitionLiveOptions : ProviderHttpOptions
{
    public string Region { get; set; } = "ap-southeast-2";

    /// <summary>Overrides the endpoint the region gives (e.g. a VPC endpoint); null for the rule set's.</summary>
    public Uri? Endpoint { get; set; }

    public bool UseFips { get; set; }

    public bool UseDualStack { get; set; }

    /// <summary>Only from configuration or the environment; never stored or logged by the server.</summary>
    public string? AccessKeyId { get; set; }

    public string? SecretAccessKey { get; set; }

    /// <summary>For temporary credentials (sent as X-Amz-Security-Token).</summary>
    public string? SessionToken { get; set; }
}
