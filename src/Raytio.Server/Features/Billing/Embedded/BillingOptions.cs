using System.ComponentModel.DataAnnotations;
using Raytio.Server.Features.Billing.Stripe;

namespace Raytio.Server.Features.Billing.Embedded;

/// <summary>The billing engine behind operations 19-33 and the organisations' customers.</summary>
public enum BillingEngine
{
    /// <summary>In our database, with Stripe's test-mode semantics (the default).</summary>
    Embedded,

    /// <summary>Stripe's API through Stripe.net (Raytio:Billing:Stripe:*).</summary>
    Stripe,
}

/// <summary>Settings under Raytio:Billing: which engine, the embedded engine's renewal scheduler, and the Stripe adapter's account.</summary>
public sealed class BillingOptions : IValidatableObject
{
    public const string Section = "Raytio:Billing";

    public const string EngineKey = Section + ":Engine";

    [EnumDataType(typeof(BillingEngine))]
    public BillingEngine Engine { get; set; } = BillingEngine.Embedded;

    /// <summary>Raytio:Billing:Stripe:*, read only when <see cref="Engine"/> is Stripe.</summary>
    public StripeBillingOptions Stripe { get; set; } = new();

    /// <summary>Time between two renewal passes of the replica holding the renewal lease.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RenewalInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long the renewal lease lasts without renewal: another replica takes over this long after the holder stops.</summary>
    [Range(typeof(TimeSpan), "00:00:02", "1.00:00:00")]
    public TimeSpan RenewalLeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Engine == BillingEngine.Stripe)
        {
            foreach (var problem in Stripe.Validate())
            {
                yield return problem;
            }
        }
        if (RenewalLeaseDuration < 2 * RenewalInterval)
        {
            yield return new ValidationResult(
                $"RenewalLeaseDuration ({RenewalLeaseDuration}) must be at least twice RenewalInterval ({RenewalInterval}), so a live holder renews it in time.",
                [nameof(RenewalLeaseDuration)]);
        }
    }
}
