using Stripe;

namespace Raytio.Server.Features.Billing.Stripe;

/// <summary>
/// The prices and tax rates that invoice lines name by id (today's lines carry
/// `pricing.price_details.price` and `taxes[].tax_rate_details.tax_rate`, not the objects), each read
/// once per request.
/// </summary>
public sealed class StripeLineCatalogue(IStripeClient client, StripeCalls calls)
{
    private readonly PriceService _prices = new(client);
    private readonly TaxRateService _taxRates = new(client);
    private readonly Dictionary<string, BillingPlan> _plans = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BillingTaxRate> _rates = new(StringComparer.Ordinal);

    public async Task<(IReadOnlyDictionary<string, BillingPlan> Plans, IReadOnlyDictionary<string, BillingTaxRate> Rates)> ForAsync(
        IReadOnlyList<Invoice> invoices, CancellationToken cancellationToken)
    {
        var lines = invoices.SelectMany(i => i.Lines?.Data ?? []).ToList();
        foreach (var priceId in lines.Select(StripeMapping.LinePrice).OfType<string>().Distinct().Where(id => !_plans.ContainsKey(id)))
        {
            var price = await calls.RunAsync(() => _prices.GetAsync(priceId, cancellationToken: cancellationToken), missingMeansNull: true, cancellationToken);
            if (price is not null && StripeMapping.Plan(price) is { } plan)
            {
                _plans[priceId] = plan;
            }
        }
        var rateIds = lines.SelectMany(l => l.Taxes ?? []).Select(t => t.TaxRateDetails?.TaxRateId).OfType<string>().Distinct();
        foreach (var rateId in rateIds.Where(id => !_rates.ContainsKey(id)))
        {
            var rate = await calls.RunAsync(() => _taxRates.GetAsync(rateId, cancellationToken: cancellationToken), missingMeansNull: true, cancellationToken);
            if (rate is not null)
            {
                _rates[rateId] = StripeMapping.TaxRate(rate);
            }
        }
        return (_plans, _rates);
    }
}
