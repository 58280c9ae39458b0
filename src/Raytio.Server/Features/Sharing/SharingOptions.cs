using System.ComponentModel.DataAnnotations;

namespace Raytio.Server.Features.Sharing;

/// <summary>Settings Raytio:Sharing:* (docs/SHARING.md "Limits").</summary>
public sealed class SharingOptions : IValidatableObject
{
    public const string Section = "Raytio:Sharing";

    /// <summary>How long an instance stays readable by the recipients when the share names no end_date.</summary>
    public TimeSpan DefaultDuration { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Most profile objects one share may carry (all snapshotted in one transaction).</summary>
    [Range(1, 10_000)]
    public int MaxObjectsPerShare { get; set; } = 200;

    /// <summary>Most wrapped field keys one share may carry.</summary>
    [Range(1, 100_000)]
    public int MaxKeysPerShare { get; set; } = 2000;

    /// <summary>
    /// A recipient's reads of the same instance within this window are one `view` (history and
    /// audit): a client polling an instance would otherwise write a row per read. Zero records every read.
    /// </summary>
    public TimeSpan ViewCoalesceWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Lets webhooks reach loopback, private and link-local addresses (tests, closed networks).</summary>
    public bool AllowPrivateWebhookDestinations { get; set; }

    /// <summary>Delivery attempts of one action before the worker gives up.</summary>
    [Range(1, 100)]
    public int MaxDeliveryAttempts { get; set; } = 8;

    /// <summary>The first retry's delay; each later one doubles it (with jitter).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the worker looks for due actions.</summary>
    public TimeSpan DeliveryInterval { get; set; } = TimeSpan.FromSeconds(10);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (DefaultDuration <= TimeSpan.Zero || DefaultDuration > SharingLimits.MaxDuration)
        {
            yield return new ValidationResult($"DefaultDuration must be positive and at most {SharingLimits.MaxDuration.TotalDays} days.", [nameof(DefaultDuration)]);
        }
        if (ViewCoalesceWindow < TimeSpan.Zero || ViewCoalesceWindow > TimeSpan.FromDays(1))
        {
            yield return new ValidationResult("ViewCoalesceWindow must be from zero to one day.", [nameof(ViewCoalesceWindow)]);
        }
        if (RetryBaseDelay <= TimeSpan.Zero || DeliveryInterval <= TimeSpan.Zero)
        {
            yield return new ValidationResult("RetryBaseDelay and DeliveryInterval must be positive.", [nameof(RetryBaseDelay), nameof(DeliveryInterval)]);
        }
    }
}

/// <summary>Fixed limits of the contract.</summary>
public static class SharingLimits
{
    /// <summary>An instance ends at most ten years after it starts.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(3653);

    public const int MaxReferenceLength = 200;

    public const int MaxEncryptedKeyLength = 4096;
}
