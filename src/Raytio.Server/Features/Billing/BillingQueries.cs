namespace Raytio.Server.Features.Billing;

/// <summary>
/// Cursor pagination as Stripe's: at most <see cref="Limit"/> objects, newest first, after the
/// object <see cref="StartingAfter"/> (older ones) or before <see cref="EndingBefore"/> (newer ones).
/// </summary>
public sealed record PageRequest(int Limit, string? StartingAfter, string? EndingBefore)
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 100;

    public static PageRequest First(int limit = DefaultLimit) => new(limit, null, null);
}

/// <summary>A filter on a time (Unix seconds): exact (`created=…`) or a range (`created[gte]=…&amp;created[lt]=…`).</summary>
public sealed record TimeRange(long? Gt = null, long? Gte = null, long? Lt = null, long? Lte = null)
{
    public static TimeRange Any { get; } = new();

    public bool IsAny => this == Any;

    public static TimeRange Exactly(long value) => new(Gte: value, Lte: value);
}

public sealed record PlanFilter(bool? Active, TimeRange Created, string? Product);

/// <summary>
/// <see cref="Status"/> null lists every subscription not canceled, `all` every one, otherwise
/// that status. <see cref="Plan"/> keeps subscriptions with an item on that plan.
/// </summary>
public sealed record SubscriptionFilter(string? Status, string? Billing, TimeRange Created, TimeRange CurrentPeriodStart, TimeRange CurrentPeriodEnd, string? Plan);

/// <summary><see cref="DueDate"/> filters on the due date, which only invoices sent for payment (send_invoice) have.</summary>
public sealed record InvoiceFilter(string? Billing, TimeRange Created, TimeRange DueDate, string? Subscription);

/// <summary>
/// An item of a subscription create or change, as Stripe takes it: an existing item by
/// <see cref="Id"/> (or, as the reference's examples send only plans, by its plan), or a new one;
/// <see cref="Deleted"/> removes it.
/// </summary>
public sealed record SubscriptionItemRequest(string? Id, string? Plan, int? Quantity, bool Deleted);

public sealed record SubscriptionCreate(IReadOnlyList<SubscriptionItemRequest> Items, bool CancelAtPeriodEnd);

/// <summary>A change: items when given, cancel_at_period_end when given.</summary>
public sealed record SubscriptionChange(IReadOnlyList<SubscriptionItemRequest>? Items, bool? CancelAtPeriodEnd);
