using Stripe;

namespace Raytio.Server.Features.Billing.Stripe;

/// <summary>
/// Payment methods in Stripe: the customer's list (`GET /v1/customers/{id}/payment_methods`), one
/// (`GET /v1/payment_methods/{id}`, null unless it is the customer's), attach and detach. In test
/// mode Stripe takes its test payment methods (`pm_card_visa`, ...) and answers a new `pm_` card;
/// a declined one is a card_error, our 402. Stripe clears the customer's default when its
/// payment method is detached.
/// </summary>
public sealed class StripePaymentMethods(IStripeClient client, StripeCalls calls) : IBillingPaymentMethods
{
    private readonly PaymentMethodService _methods = new(client);
    private readonly CustomerPaymentMethodService _customerMethods = new(client);

    public async Task<BillingPage<BillingPaymentMethod>> ListAsync(string customerId, string type, PageRequest page, CancellationToken cancellationToken)
    {
        var options = new CustomerPaymentMethodListOptions { Type = type };
        StripeLists.Page(options, page);
        var found = await calls.RunAsync(() => _customerMethods.ListAsync(customerId, options, cancellationToken: cancellationToken), missingMeansNull: false, cancellationToken);
        return new BillingPage<BillingPaymentMethod>([.. found!.Data.Select(StripeMapping.PaymentMethod)], found.HasMore);
    }

    public async Task<BillingPaymentMethod?> FindAsync(string customerId, string paymentMethodId, CancellationToken cancellationToken)
    {
        var found = await OwnAsync(customerId, paymentMethodId, cancellationToken);
        return found is null ? null : StripeMapping.PaymentMethod(found);
    }

    public async Task<BillingPaymentMethod?> AttachAsync(string customerId, string paymentMethodId, CancellationToken cancellationToken)
    {
        // Stripe's test tokens (pm_card_*) are no objects to read first; a real pm_ that another
        // customer holds is answered as unknown rather than as Stripe's "already attached".
        if (!paymentMethodId.StartsWith("pm_card_", StringComparison.Ordinal))
        {
            var existing = await calls.RunAsync(() => _methods.GetAsync(paymentMethodId, cancellationToken: cancellationToken), missingMeansNull: true, cancellationToken);
            if (existing is null || (existing.CustomerId is { } holder && holder != customerId))
            {
                return null;
            }
            if (existing.CustomerId == customerId)
            {
                return StripeMapping.PaymentMethod(existing);
            }
        }
        var options = new PaymentMethodAttachOptions { Customer = customerId };
        var attached = await calls.RunAsync(() => _methods.AttachAsync(paymentMethodId, options, cancellationToken: cancellationToken), missingMeansNull: true, cancellationToken);
        return attached is null ? null : StripeMapping.PaymentMethod(attached);
    }

    public async Task<BillingPaymentMethod?> DetachAsync(string customerId, string paymentMethodId, CancellationToken cancellationToken)
    {
        if (await OwnAsync(customerId, paymentMethodId, cancellationToken) is null)
        {
            return null;
        }
        var detached = await calls.RunAsync(() => _methods.DetachAsync(paymentMethodId, cancellationToken: cancellationToken), missingMeansNull: true, cancellationToken);
        return detached is null ? null : StripeMapping.PaymentMethod(detached);
    }

    private async Task<PaymentMethod?> OwnAsync(string customerId, string paymentMethodId, CancellationToken cancellationToken)
    {
        var found = await calls.RunAsync(() => _methods.GetAsync(paymentMethodId, cancellationToken: cancellationToken), missingMeansNull: true, cancellationToken);
        return found?.CustomerId == customerId ? found : null;
    }
}
