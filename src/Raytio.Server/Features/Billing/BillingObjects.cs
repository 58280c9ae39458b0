namespace Raytio.Server.Features.Billing;

// The billing engine's objects, engine-neutral: the embedded engine reads them from its tables,
// a Stripe adapter maps today's Stripe objects (prices, products) onto them. Times are Unix
// seconds and money is integer minor units of the object's currency, as in Stripe.

/// <summary>A plan: a product's price per unit and interval (Stripe 2019's `plan`, today's recurring `price`).</summary>
public sealed record BillingPlan(
    string Id, bool Active, long Amount, string Currency, string Interval, int IntervalCount, string Nickname, string Product, int? TrialPeriodDays, long Created);

/// <summary>A tax rate applied to each line of an invoice (exclusive: added on top).</summary>
/// <summary>A tax rate; <paramref name="Inclusive"/>: the tax is part of each line's amount rather than added to it.</summary>
public sealed record BillingTaxRate(string Id, string DisplayName, string? Description, string? Jurisdiction, decimal Percentage, bool Active, long Created, bool Inclusive = false);

public sealed record BillingSubscriptionItem(string Id, BillingPlan Plan, int Quantity, long Created);

public sealed record BillingSubscription(
    string Id,
    string Customer,
    string Status,
    long BillingCycleAnchor,
    bool CancelAtPeriodEnd,
    long? CanceledAt,
    long Created,
    long CurrentPeriodStart,
    long CurrentPeriodEnd,
    long? EndedAt,
    long Start,
    string? LatestInvoice,
    long? TrialStart,
    long? TrialEnd,
    IReadOnlyList<BillingSubscriptionItem> Items,
    IReadOnlyList<BillingTaxRate> DefaultTaxRates);

/// <summary>What is shown of a card: never its number.</summary>
public sealed record BillingCard(string Brand, string Last4, int ExpMonth, int ExpYear, string Funding, string Country, string Fingerprint);

public sealed record BillingPaymentMethod(string Id, string? Customer, long Created, BillingCard Card);

/// <summary>A line of an invoice: a plan's charge for a period (type subscription), or a proration or metered check (type invoiceitem; a check has no plan).</summary>
public sealed record BillingInvoiceLine(
    string Id,
    string Type,
    long Amount,
    string Currency,
    string Description,
    long PeriodStart,
    long PeriodEnd,
    BillingPlan? Plan,
    bool Proration,
    int Quantity,
    string Subscription,
    string? SubscriptionItem,
    long TaxAmount,
    BillingTaxRate? TaxRate);

public sealed record BillingInvoice(
    string Id,
    string Customer,
    string? Subscription,
    string Number,
    string Status,
    string BillingReason,
    string Currency,
    long Subtotal,
    long Tax,
    long Total,
    long StartingBalance,
    long EndingBalance,
    long AmountDue,
    long AmountPaid,
    int AttemptCount,
    long? NextPaymentAttempt,
    string? Charge,
    string? PaymentMethod,
    BillingTaxRate? TaxRate,
    long PeriodStart,
    long PeriodEnd,
    long Created,
    long? PaidAt,
    long? VoidedAt,
    IReadOnlyList<BillingInvoiceLine> Lines)
{
    public long AmountRemaining => AmountDue - AmountPaid;
}

/// <summary>One page of a list, newest first, and whether more lie beyond it in the direction asked.</summary>
public sealed record BillingPage<T>(IReadOnlyList<T> Data, bool HasMore);
