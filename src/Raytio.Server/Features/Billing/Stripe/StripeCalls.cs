using System.Text.RegularExpressions;
using Polly.Timeout;
using Raytio.Server.Hosting;
using Stripe;

namespace Raytio.Server.Features.Billing.Stripe;

/// <summary>
/// Runs a Stripe call and turns what Stripe answers into our errors: a `card_error` is a 402
/// `card_declined`; an `invalid_request_error` naming a parameter is a 400 naming our field (the
/// reference's `items[0].plan` for Stripe's `items[0][price]`); anything else (Stripe's 5xx, 429
/// after Stripe.net's retries, the network, a timeout, an answer we cannot read) is a 502 naming
/// the provider, never with Stripe's own message or body.
/// </summary>
public sealed partial class StripeCalls(ILogger<StripeCalls> logger)
{
    public const string Provider = "stripe";

    /// <summary>
    /// The call's answer, or null when <paramref name="missingMeansNull"/> and Stripe says the
    /// object addressed by the path does not exist (`resource_missing`): our 404.
    /// </summary>
    public async Task<T?> RunAsync<T>(Func<Task<T>> call, bool missingMeansNull, CancellationToken cancellationToken) where T : class
    {
        try
        {
            return await call();
        }
        catch (StripeException failure) when (missingMeansNull && failure.StripeError?.Code == "resource_missing" && IsPathObject(failure.StripeError.Param))
        {
            return null;
        }
        catch (StripeException failure) when (failure.StripeError?.Type == "card_error")
        {
            var reason = failure.StripeError.DeclineCode ?? failure.StripeError.Code ?? "card_declined";
            throw new ApiException(StatusCodes.Status402PaymentRequired, "card_declined", $"Your card was declined ({reason}).");
        }
        catch (StripeException failure) when (failure.StripeError is { Type: "invalid_request_error", Param: { Length: > 0 } param })
        {
            var field = OurField(param);
            throw ApiException.Invalid(field, failure.StripeError.Code == "resource_missing"
                ? $"'{field}' names nothing this organisation's billing has."
                : $"'{field}' was refused by the billing provider.");
        }
        catch (Exception failure) when (!cancellationToken.IsCancellationRequested
            && failure is StripeException or HttpRequestException or TimeoutRejectedException or TaskCanceledException or FormatException or Newtonsoft.Json.JsonException or System.Text.Json.JsonException)
        {
            LogUnavailable(logger, failure);
            throw new ApiException(StatusCodes.Status502BadGateway, "billing_provider_unavailable",
                $"The billing provider '{Provider}' did not answer as expected; try again later.");
        }
    }

    /// <summary>Our name for a parameter Stripe names: `items[0][price]` -> `items[0].plan`, `invoice_settings[default_payment_method]` -> `customer.invoice_settings.default_payment_method`.</summary>
    public static string OurField(string stripeParam)
    {
        var dotted = NamedSegment().Replace(stripeParam, ".$1");
        dotted = dotted.Replace(".price", ".plan", StringComparison.Ordinal);
        return dotted.StartsWith("invoice_settings", StringComparison.Ordinal) ? "customer." + dotted : dotted;
    }

    // Stripe names the path's own object as `id` or the path parameter's name, or names nothing.
    private static bool IsPathObject(string? param) => param is null or "id" or "customer" or "payment_method" or "subscription" or "subscription_exposed_id" or "invoice" or "price";

    [LoggerMessage(Level = LogLevel.Warning, Message = "A Stripe call failed; answering 502")]
    private static partial void LogUnavailable(ILogger logger, Exception failure);

    [GeneratedRegex(@"\[([A-Za-z_][A-Za-z0-9_]*)\]")]
    private static partial Regex NamedSegment();
}
