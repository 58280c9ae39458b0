using System.ComponentModel.DataAnnotations;
using Raytio.Server.Providers.Nzbn.Sandbox;
using Raytio.Server.Providers.Outside;

namespace Raytio.Server.Providers.Nzbn;

public enum NzbnProviderKind
{
    Sandbox,
    Live,
}

/// <summary>Settings Raytio:Nzbn:*: which register answers operations 90, 108 and 109, and how.</summary>
public sealed class NzbnOptions : IValidatableObject
{
    public const string Section = "Raytio:Nzbn";

    public NzbnProviderKind Provider { get; set; } = NzbnProviderKind.Sandbox;

    public NzbnSandboxOptions Sandbox { get; set; } = new();

    public NzbnLiveOptions Live { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(Sandbox, new ValidationContext(Sandbox), results, validateAllProperties: true);
        if (Provider == NzbnProviderKind.Live)
        {
            Validator.TryValidateObject(Live, new ValidationContext(Live), results, validateAllProperties: true);
            if (string.IsNullOrWhiteSpace(Live.SubscriptionKey))
            {
                results.Add(new ValidationResult(
                    "the Live provider needs the NZBN API subscription key (Raytio:Nzbn:Live:SubscriptionKey; environment Raytio__Nzbn__Live__SubscriptionKey).",
                    ["Live.SubscriptionKey"]));
            }
        }
        return results;
    }
}

public sealed class NzbnSandboxOptions
{
    /// <summary>The generator's seed: the same seed gives the same dataset.</summary>
    public ulong Seed { get; set; } = NzbnSandboxGenerator.DefaultSeed;

    /// <summary>How many entities the dataset holds (the hand-built ones included).</summary>
    [Range(200, 100_000)]
    public int Count { get; set; } = NzbnSandboxGenerator.DefaultCount;
}

/// <summary>NZBN API v5 (MBIE): base URL, the subscription key (`Ocp-Apim-Subscription-Key`) and the HTTP behaviour.</summary>
public sealed class NzbnLiveOptions : ProviderHttpOptions
{
    /// <summary>Production; MBIE's sandbox is https://api.business.govt.nz/sandbox/nzbn/v5/.</summary>
    [Required]
    public Uri BaseUrl { get; set; } = new("https://api.business.govt.nz/gateway/nzbn/v5/");

    /// <summary>Only from configuration or the environment; never stored by the server.</summary>
    public string? SubscriptionKey { get; set; }
}
