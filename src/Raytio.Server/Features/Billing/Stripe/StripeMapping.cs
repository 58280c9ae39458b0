using System.Text.Json;
using Stripe;

namespace Raytio.Server.Features.Billing.Stripe;

/// <summary>
/// Today's Stripe objects (API 2026-07-29 through Stripe.net) as the engine-neutral records the
/// operations render in the reference's 2019 shapes: a recurring price is a plan, a subscription's
/// current period is its first item's (moved there in 2025), an invoice's subscription is
/// `parent.subscription_details.subscription`, a line's plan is `pricing.price_details.price`.
/// Where an older API version (or a fake that speaks one) still answers the 2019 field, that field
/// is read instead, from the object's raw JSON.
/// </summary>
public static class StripeMapping
{
    public static long Unix(DateTime moment) => new DateTimeOffset(DateTime.SpecifyKind(moment, DateTimeKind.Utc)).ToUnixTimeSeconds();

    public static long? Unix(DateTime? moment) => moment is { } value ? Unix(value) : null;

    public static DateTime Time(long unixSeconds) => DateTimeOffset.FromUnixTimeSeconds(unixSeconds).UtcDateTime;

    /// <summary>A recurring price as a plan; null for a one-time price, which is no plan.</summary>
    public static BillingPlan? Plan(Price price)
    {
        if (price.Recurring is not { } recurring)
        {
            return null;
        }
        return new BillingPlan(
            price.Id,
            price.Active,
            price.UnitAmount ?? 0,
            price.Currency,
            recurring.Interval,
            checked((int)recurring.IntervalCount),
            price.Nickname ?? price.Product?.Name ?? price.ProductId ?? price.Id,
            price.ProductId ?? "",
            TrialDays(price),
            Unix(price.Created));
    }

    public static BillingTaxRate TaxRate(TaxRate rate) =>
        new(rate.Id, rate.DisplayName, rate.Description, rate.Jurisdiction, rate.Percentage, rate.Active, Unix(rate.Created));

    public static BillingSubscription Subscription(Subscription subscription)
    {
        var items = subscription.Items?.Data ?? [];
        var first = items.FirstOrDefault();
        return new BillingSubscription(
            subscription.Id,
            subscription.CustomerId,
            subscription.Status,
            Unix(subscription.BillingCycleAnchor),
            subscription.CancelAtPeriodEnd,
            Unix(subscription.CanceledAt),
            Unix(subscription.Created),
            ItemTime(first, i => i.CurrentPeriodStart) ?? Legacy(subscription, "current_period_start") ?? Unix(subscription.StartDate),
            ItemTime(first, i => i.CurrentPeriodEnd) ?? Legacy(subscription, "current_period_end") ?? Unix(subscription.StartDate),
            Unix(subscription.EndedAt),
            Unix(subscription.StartDate),
            subscription.LatestInvoiceId,
            Unix(subscription.TrialStart),
            Unix(subscription.TrialEnd),
            [.. items.Select(ItemPlan).Zip(items).Where(p => p.First is not null).Select(p => new BillingSubscriptionItem(p.Second.Id, p.First!, checked((int)p.Second.Quantity), Unix(p.Second.Created)))],
            [.. (subscription.DefaultTaxRates ?? []).Select(TaxRate)]);
    }

    public static BillingPaymentMethod PaymentMethod(PaymentMethod method)
    {
        var card = method.Card;
        return new BillingPaymentMethod(
            method.Id,
            method.CustomerId,
            Unix(method.Created),
            new BillingCard(card?.Brand ?? "unknown", card?.Last4 ?? "", checked((int)(card?.ExpMonth ?? 0)), checked((int)(card?.ExpYear ?? 0)),
                card?.Funding ?? "unknown", card?.Country ?? "", card?.Fingerprint ?? ""));
    }

    public static BillingCustomer Customer(Customer customer) =>
        new(customer.Id, customer.Delinquent ?? false, customer.InvoiceSettings?.DefaultPaymentMethodId);

    /// <summary>The subscription an invoice bills: `parent.subscription_details.subscription` today, `subscription` before 2025.</summary>
    public static string? InvoiceSubscription(Invoice invoice) =>
        invoice.Parent?.SubscriptionDetails?.SubscriptionId ?? LegacyText(invoice, "subscription");

    /// <summary>The price a line charges: `pricing.price_details.price` today, `price.id` (or `plan.id`) before.</summary>
    public static string? LinePrice(InvoiceLineItem line) =>
        line.Pricing?.PriceDetails?.PriceId ?? LegacyId(line, "price") ?? LegacyId(line, "plan");

    /// <summary>
    /// An invoice with its lines; <paramref name="plans"/> and <paramref name="taxRates"/> answer the
    /// prices and tax rates its lines name (fetched once per call by the adapter).
    /// </summary>
    public static BillingInvoice Invoice(Invoice invoice, IReadOnlyDictionary<string, BillingPlan> plans, IReadOnlyDictionary<string, BillingTaxRate> taxRates)
    {
        var subscription = InvoiceSubscription(invoice);
        var lines = (invoice.Lines?.Data ?? []).Select(line => Line(line, subscription, plans, taxRates)).ToList();
        var taxRate = lines.Select(l => l.TaxRate).FirstOrDefault(r => r is not null)
            ?? (invoice.DefaultTaxRates ?? []).Select(TaxRate).FirstOrDefault();
        var transitions = invoice.StatusTransitions;
        return new BillingInvoice(
            invoice.Id,
            invoice.CustomerId,
            subscription,
            invoice.Number ?? "",
            invoice.Status,
            invoice.BillingReason ?? "manual",
            invoice.Currency,
            invoice.Subtotal,
            (invoice.TotalTaxes ?? []).Sum(t => t.Amount),
            invoice.Total,
            invoice.StartingBalance,
            invoice.EndingBalance ?? 0,
            invoice.AmountDue,
            invoice.AmountPaid,
            checked((int)invoice.AttemptCount),
            Unix(invoice.NextPaymentAttempt),
            LegacyText(invoice, "charge"),
            invoice.DefaultPaymentMethodId,
            taxRate,
            Unix(invoice.PeriodStart),
            Unix(invoice.PeriodEnd),
            Unix(invoice.Created),
            Unix(transitions?.PaidAt),
            Unix(transitions?.VoidedAt),
            lines);
    }

    private static BillingInvoiceLine Line(InvoiceLineItem line, string? invoiceSubscription, IReadOnlyDictionary<string, BillingPlan> plans, IReadOnlyDictionary<string, BillingTaxRate> taxRates)
    {
        // The parent's type says which details apply: a subscription item's charge, or an invoice item (a proration).
        var fromItem = line.Parent?.Type is { } type ? type == "subscription_item_details" : LegacyText(line, "type") == "subscription";
        var itemDetails = fromItem ? line.Parent?.SubscriptionItemDetails : null;
        var invoiceItemDetails = fromItem ? null : line.Parent?.InvoiceItemDetails;
        var priceId = LinePrice(line);
        var taxes = line.Taxes ?? [];
        var rateId = taxes.Select(t => t.TaxRateDetails?.TaxRateId).FirstOrDefault(id => id is not null);
        return new BillingInvoiceLine(
            line.Id,
            fromItem ? "subscription" : "invoiceitem",
            line.Amount,
            line.Currency,
            line.Description ?? "",
            Unix(line.Period?.Start ?? default),
            Unix(line.Period?.End ?? default),
            priceId is null ? null : plans.TryGetValue(priceId, out var plan) ? plan : Unpriced(line, priceId),
            itemDetails?.Proration ?? invoiceItemDetails?.Proration ?? LegacyFlag(line, "proration"),
            checked((int)(line.Quantity ?? 1)),
            itemDetails?.Subscription ?? invoiceItemDetails?.Subscription ?? invoiceSubscription ?? "",
            itemDetails?.SubscriptionItem ?? LegacyText(line, "subscription_item"),
            taxes.Sum(t => t.Amount),
            rateId is not null && taxRates.TryGetValue(rateId, out var rate) ? rate : null);
    }

    // A line without a price (an invoice item of an amount) has no plan, as on the embedded engine;
    // one whose price is gone or one-time is shown as a plan of its own amount.
    private static BillingPlan Unpriced(InvoiceLineItem line, string priceId) =>
        new(priceId, false, line.Amount, line.Currency, "month", 1, line.Description ?? "", "", null, 0);

    // An item's price; an item made before prices (or by a fake of that time) has only its plan.
    private static BillingPlan? ItemPlan(SubscriptionItem item) => item switch
    {
        { Price: { } price } => Plan(price) ?? OneTime(price),
        { Plan: { } plan } => new BillingPlan(plan.Id, plan.Active, plan.Amount ?? 0, plan.Currency, plan.Interval, checked((int)plan.IntervalCount),
            plan.Nickname ?? plan.Id, plan.ProductId ?? "", plan.TrialPeriodDays is { } days ? checked((int)days) : null, Unix(plan.Created)),
        _ => null,
    };

    private static BillingPlan OneTime(Price price) =>
        new(price.Id, price.Active, price.UnitAmount ?? 0, price.Currency, "month", 1, price.Nickname ?? price.Id, price.ProductId ?? "", null, Unix(price.Created));

    // Prices lost trial_period_days in 2024 (it moved to the subscription); a plan keeps it in metadata.
    private static int? TrialDays(Price price)
    {
        if (price.Recurring?.TrialPeriodDays is { } days)
        {
            return checked((int)days);
        }
        return price.Metadata is not null && price.Metadata.TryGetValue("trial_period_days", out var text) && int.TryParse(text, out var parsed) && parsed > 0 ? parsed : null;
    }

    // Stripe.net leaves an absent time at the Unix epoch.
    private static long? ItemTime(SubscriptionItem? item, Func<SubscriptionItem, DateTime> read) =>
        item is not null && Unix(read(item)) is > 0 and var seconds ? seconds : null;

    private static JsonElement? Raw(StripeEntity entity, string field) =>
        entity.RawJsonElement is { ValueKind: JsonValueKind.Object } raw && raw.TryGetProperty(field, out var value) ? value : null;

    private static long? Legacy(StripeEntity entity, string field) =>
        Raw(entity, field) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt64(out var number) ? number : null;

    private static string? LegacyText(StripeEntity entity, string field) =>
        Raw(entity, field) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static string? LegacyId(StripeEntity entity, string field) => Raw(entity, field) switch
    {
        { ValueKind: JsonValueKind.Object } expanded when expanded.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String => id.GetString(),
        { ValueKind: JsonValueKind.String } id => id.GetString(),
        _ => null,
    };

    private static bool LegacyFlag(StripeEntity entity, string field) => Raw(entity, field) is { ValueKind: JsonValueKind.True };
}
