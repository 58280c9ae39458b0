namespace Raytio.Server.Features.Billing;

// The billing engine, resource by resource. Implementations: the embedded engine (default, in
// our database, Embedded/) and the Stripe adapter (Stripe/; docs/BILLING.md has its mapping). A
// customer's objects are reached only through its customer id: an id of another customer's
// object answers null, as an unknown one does. Bad input throws ApiException (400 naming the
// field, 402 for a declined card, 409 for a change a state forbids).

/// <summary>The plan catalogue (every signed-in user may read it).</summary>
public interface IBillingPlans
{
    Task<BillingPage<BillingPlan>> ListAsync(PlanFilter filter, PageRequest page, CancellationToken cancellationToken);

    Task<BillingPlan?> FindAsync(string planId, CancellationToken cancellationToken);
}

public interface IBillingSubscriptions
{
    Task<BillingPage<BillingSubscription>> ListAsync(string customerId, SubscriptionFilter filter, PageRequest page, CancellationToken cancellationToken);

    Task<BillingSubscription?> FindAsync(string customerId, string subscriptionId, CancellationToken cancellationToken);

    /// <summary>Subscribes and invoices the first period at once (or starts the plan's trial).</summary>
    Task<BillingSubscription> CreateAsync(string customerId, SubscriptionCreate request, CancellationToken cancellationToken);

    /// <summary>Changes items (prorated onto the next invoice) and cancel_at_period_end.</summary>
    Task<BillingSubscription?> UpdateAsync(string customerId, string subscriptionId, SubscriptionChange change, CancellationToken cancellationToken);

    /// <summary>Cancels now: no further invoice.</summary>
    Task<BillingSubscription?> CancelAsync(string customerId, string subscriptionId, CancellationToken cancellationToken);
}

public interface IBillingPaymentMethods
{
    /// <summary>The customer's payment methods of a type (card, card_present).</summary>
    Task<BillingPage<BillingPaymentMethod>> ListAsync(string customerId, string type, PageRequest page, CancellationToken cancellationToken);

    Task<BillingPaymentMethod?> FindAsync(string customerId, string paymentMethodId, CancellationToken cancellationToken);

    /// <summary>Attaches a payment method (the embedded engine: one of Stripe's test payment methods such as `pm_card_visa`).</summary>
    Task<BillingPaymentMethod?> AttachAsync(string customerId, string paymentMethodId, CancellationToken cancellationToken);

    /// <summary>Detaches it; it stops being the customer's default.</summary>
    Task<BillingPaymentMethod?> DetachAsync(string customerId, string paymentMethodId, CancellationToken cancellationToken);
}

public interface IBillingInvoices
{
    /// <summary>Newest first.</summary>
    Task<BillingPage<BillingInvoice>> ListAsync(string customerId, InvoiceFilter filter, PageRequest page, CancellationToken cancellationToken);

    Task<BillingInvoice?> FindAsync(string customerId, string invoiceId, CancellationToken cancellationToken);

    /// <summary>
    /// Pays the open invoices of the customer's incomplete subscriptions with its default payment
    /// method, as Stripe's `POST /v1/invoices/{id}/pay` does; a subscription whose invoices are all
    /// paid becomes active. Called after the default payment method changed (operation 12).
    /// </summary>
    Task PayIncompleteAsync(string customerId, CancellationToken cancellationToken);
}
