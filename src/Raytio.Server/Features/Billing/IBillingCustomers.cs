using System.Text.Json.Nodes;

namespace Raytio.Server.Features.Billing;

/// <summary>A billing customer as organisations show it (the reference's `customer` object).</summary>
public sealed record BillingCustomer(string Id, bool Delinquent, string? DefaultPaymentMethod)
{
    public JsonObject ToJson() => new()
    {
        ["delinquent"] = Delinquent,
        ["id"] = Id,
        ["invoice_settings"] = new JsonObject { ["default_payment_method"] = DefaultPaymentMethod },
    };
}

/// <summary>
/// The billing engine's customers: one per organisation. Implementations: the embedded engine
/// (default, in our database) and Stripe (Stripe/StripeCustomers). Call these before opening
/// the organisation's transaction: a remote engine answers over the network. The embedded
/// engine's rows instead join the caller's unit of work and are saved by its SaveChanges, so
/// they commit or roll back with the organisation.
/// </summary>
public interface IBillingCustomers
{
    Task<BillingCustomer> CreateAsync(Guid organizationId, string name, string email, CancellationToken cancellationToken);

    Task<BillingCustomer?> FindAsync(string customerId, CancellationToken cancellationToken);

    /// <summary>
    /// Changes the customer's name and billing email, and its default payment method when
    /// <paramref name="defaultPaymentMethod"/> is given (Some(null) clears it); 400 naming
    /// `customer.invoice_settings.default_payment_method` when that is not attached to the customer.
    /// </summary>
    Task<BillingCustomer> UpdateAsync(string customerId, string name, string email, Optional<string?> defaultPaymentMethod, CancellationToken cancellationToken);
}

/// <summary>A value that may be absent, as distinct from present and null (a JSON field left out vs. set to null).</summary>
public readonly record struct Optional<T>(bool IsPresent, T Value)
{
    public static Optional<T> Absent => default;

    public static Optional<T> Of(T value) => new(true, value);
}
