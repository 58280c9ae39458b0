using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;

namespace Raytio.Server.Features.Billing.Embedded;

/// <summary>Turns the engine's rows into billing objects; the catalogue (a few plans and tax rates) is read whole.</summary>
public sealed class EmbeddedObjects(RaytioDbContext db)
{
    private Dictionary<string, BillingPlan>? _plans;
    private Dictionary<string, BillingTaxRate>? _taxRates;

    public async Task<IReadOnlyDictionary<string, BillingPlan>> PlansAsync(CancellationToken cancellationToken) =>
        _plans ??= (await db.BillingPlans.AsNoTracking().ToListAsync(cancellationToken)).ToDictionary(p => p.Id, Plan);

    public async Task<IReadOnlyDictionary<string, BillingTaxRate>> TaxRatesAsync(CancellationToken cancellationToken) =>
        _taxRates ??= (await db.BillingTaxRates.AsNoTracking().ToListAsync(cancellationToken)).ToDictionary(r => r.Id, TaxRate);

    public static BillingPlan Plan(BillingPlanRecord p) =>
        new(p.Id, p.Active, p.Amount, p.Currency, p.Interval, p.IntervalCount, p.Nickname, p.ProductId, p.TrialPeriodDays, p.Created);

    public static BillingTaxRate TaxRate(BillingTaxRateRecord r) =>
        new(r.Id, r.DisplayName, r.Description, r.Jurisdiction, r.Percentage, r.Active, r.Created, r.Inclusive);

    public static BillingPaymentMethod PaymentMethod(BillingPaymentMethodRecord m) =>
        new(m.Id, m.CustomerId, m.Created, new BillingCard(m.Brand, m.Last4, m.ExpMonth, m.ExpYear, m.Funding, m.Country, TestCard.Find(m.TestToken)?.Fingerprint ?? m.Id));

    public async Task<IReadOnlyList<BillingSubscription>> SubscriptionsAsync(IReadOnlyList<BillingSubscriptionRecord> records, CancellationToken cancellationToken)
    {
        var ids = records.Select(s => s.Id).ToList();
        var items = (await db.BillingSubscriptionItems.AsNoTracking().Where(i => ids.Contains(i.SubscriptionId)).OrderBy(i => i.Key).ToListAsync(cancellationToken))
            .ToLookup(i => i.SubscriptionId);
        var plans = await PlansAsync(cancellationToken);
        var rates = await TaxRatesAsync(cancellationToken);
        return [.. records.Select(s => new BillingSubscription(
            s.Id, s.CustomerId, s.Status, s.BillingCycleAnchor, s.CancelAtPeriodEnd, s.CanceledAt, s.Created, s.CurrentPeriodStart, s.CurrentPeriodEnd,
            s.EndedAt, s.Start, s.LatestInvoiceId, s.TrialStart, s.TrialEnd,
            [.. items[s.Id].Select(i => new BillingSubscriptionItem(i.Id, plans[i.PlanId], i.Quantity, i.Created))],
            s.TaxRateId is { } rate ? [rates[rate]] : []))];
    }

    public async Task<IReadOnlyList<BillingInvoice>> InvoicesAsync(IReadOnlyList<BillingInvoiceRecord> records, CancellationToken cancellationToken)
    {
        var ids = records.Select(i => i.Id).ToList();
        var lines = (await db.BillingInvoiceLines.AsNoTracking().Where(l => ids.Contains(l.InvoiceId!)).OrderBy(l => l.Key).ToListAsync(cancellationToken))
            .ToLookup(l => l.InvoiceId);
        var plans = await PlansAsync(cancellationToken);
        var rates = await TaxRatesAsync(cancellationToken);
        return [.. records.Select(i =>
        {
            var rate = i.TaxRateId is { } id ? rates[id] : null;
            return new BillingInvoice(
                i.Id, i.CustomerId, i.SubscriptionId, i.Number, i.Status, i.BillingReason, i.Currency, i.Subtotal, i.Tax, i.Total,
                i.StartingBalance, i.EndingBalance, i.AmountDue, i.AmountPaid, i.AttemptCount, i.NextPaymentAttempt, i.ChargeId, i.PaymentMethodId, rate,
                i.PeriodStart, i.PeriodEnd, i.Created, i.PaidAt, i.VoidedAt,
                [.. lines[i.Id].Select(l => new BillingInvoiceLine(
                    l.Id, l.Proration || l.PlanId is null ? "invoiceitem" : "subscription", l.Amount, l.Currency, l.Description, l.PeriodStart, l.PeriodEnd,
                    l.PlanId is { } plan ? plans[plan] : null,
                    l.Proration, l.Quantity, l.SubscriptionId, l.SubscriptionItemId, l.TaxAmount, rate))]);
        })];
    }
}
