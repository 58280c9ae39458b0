using System.ComponentModel.DataAnnotations;

namespace Raytio.Server.Features.Billing.Embedded;

/// <summary>Settings under Raytio:Billing: the embedded engine's renewal scheduler.</summary>
public sealed class BillingOptions : IValidatableObject
{
    public const string Section = "Raytio:Billing";

    /// <summary>Time between two renewal passes of the replica holding the renewal lease.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RenewalInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long the renewal lease lasts without renewal: another replica takes over this long after the holder stops.</summary>
    [Range(typeof(TimeSpan), "00:00:02", "1.00:00:00")]
    public TimeSpan RenewalLeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (RenewalLeaseDuration < 2 * RenewalInterval)
        {
            yield return new ValidationResult(
                $"RenewalLeaseDuration ({RenewalLeaseDuration}) must be at least twice RenewalInterval ({RenewalInterval}), so a live holder renews it in time.",
                [nameof(RenewalLeaseDuration)]);
        }
    }
}
