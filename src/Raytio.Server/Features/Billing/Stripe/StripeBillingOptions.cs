using System.ComponentModel.DataAnnotations;

namespace Raytio.Server.Features.Billing.Stripe;

/// <summary>
/// Settings under Raytio:Billing:Stripe. The secret key is read from configuration (an environment
/// variable or a secret store in production) and held only in memory: it is never written to the
/// database, a log or an answer.
/// </summary>
public sealed class StripeBillingOptions
{
    /// <summary>The account's secret key (`sk_live_…`, `sk_test_…`) or restricted key (`rk_…`).</summary>
    public string? SecretKey { get; set; }

    /// <summary>Where Stripe's API answers; a loopback fake in tests.</summary>
    public Uri ApiBase { get; set; } = new("https://api.stripe.com");

    /// <summary>
    /// Retries of a request that failed on the network, with a 409 or a 5xx (Stripe.net's own, with
    /// the same Idempotency-Key on every try, so a POST is never applied twice).
    /// </summary>
    public int MaxNetworkRetries { get; set; } = 2;

    /// <summary>How long one try may take before it counts as a failure (then a 502 naming stripe).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The tax rate (`txr_…`) a new subscription gets, by its plan's currency (e.g. `TaxRates:nzd`); none when the currency has none.</summary>
    public Dictionary<string, string> TaxRates { get; set; } = new(StringComparer.Ordinal);

    internal IEnumerable<ValidationResult> Validate()
    {
        if (string.IsNullOrWhiteSpace(SecretKey))
        {
            yield return new ValidationResult(
                "Raytio:Billing:Engine is Stripe but Raytio:Billing:Stripe:SecretKey is not set (set it in the environment as Raytio__Billing__Stripe__SecretKey).",
                ["Stripe.SecretKey"]);
        }
        else if (!SecretKey.StartsWith("sk_", StringComparison.Ordinal) && !SecretKey.StartsWith("rk_", StringComparison.Ordinal))
        {
            yield return new ValidationResult("Raytio:Billing:Stripe:SecretKey must be a Stripe secret key (sk_…) or restricted key (rk_…).", ["Stripe.SecretKey"]);
        }
        if (!ApiBase.IsAbsoluteUri || ApiBase.Scheme is not ("https" or "http"))
        {
            yield return new ValidationResult("Raytio:Billing:Stripe:ApiBase must be an absolute http(s) address.", ["Stripe.ApiBase"]);
        }
        if (MaxNetworkRetries is < 0 or > 5)
        {
            yield return new ValidationResult("Raytio:Billing:Stripe:MaxNetworkRetries must be 0..5.", ["Stripe.MaxNetworkRetries"]);
        }
        foreach (var (currency, rate) in TaxRates)
        {
            if (!rate.StartsWith("txr_", StringComparison.Ordinal))
            {
                yield return new ValidationResult($"Raytio:Billing:Stripe:TaxRates:{currency} must be a Stripe tax rate id (txr_…).", ["Stripe.TaxRates"]);
            }
        }
        if (Timeout < TimeSpan.FromSeconds(1) || Timeout > TimeSpan.FromMinutes(5))
        {
            yield return new ValidationResult("Raytio:Billing:Stripe:Timeout must be between 00:00:01 and 00:05:00.", ["Stripe.Timeout"]);
        }
    }
}
