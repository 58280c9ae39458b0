using Raytio.Server.Hosting;
using Stripe;

namespace Raytio.Server.Features.Billing.Stripe;

/// <summary>
/// The customer's invoices (`GET /v1/invoices?customer=…`, `GET /v1/invoices/{id}`), with the
/// prices and tax rates their lines name read once per call (<see cref="StripeLineCatalogue"/>).
/// Stripe has no `due_date` list filter for charged-automatically invoices: a due-date filter is
/// applied to the page Stripe answers.
/// </summary>
public sealed class StripeInvoices(IStripeClient client, StripeCalls calls, StripeLineCatalogue catalogue) : IBillingInvoices
{
    private readonly InvoiceService _invoices = new(client);
    private readonly SubscriptionService _subscriptions = new(client);

    public async Task<BillingPage<BillingInvoice>> ListAsync(string customerId, InvoiceFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        var options = new InvoiceListOptions
        {
            Customer = customerId,
            Subscription = filter.Subscription,
            CollectionMethod = filter.Billing,
            Created = StripeLists.Range(filter.Created),
        };
        StripeLists.Page(options, page);
        var found = await calls.RunAsync(() => _invoices.ListAsync(options, cancellationToken: cancellationToken), missingMeansNull: false, cancellationToken);
        var invoices = found!.Data.Where(i => filter.DueDate.IsAny || (i.DueDate is { } due && Within(filter.DueDate, StripeMapping.Unix(due)))).ToList();
        var (plans, rates) = await catalogue.ForAsync(invoices, cancellationToken);
        return new BillingPage<BillingInvoice>([.. invoices.Select(i => StripeMapping.Invoice(i, plans, rates))], found.HasMore);
    }

    public async Task<BillingInvoice?> FindAsync(string customerId, string invoiceId, CancellationToken cancellationToken)
    {
        var found = await calls.RunAsync(() => _invoices.GetAsync(invoiceId, cancellationToken: cancellationToken), missingMeansNull: true, cancellationToken);
        if (found is null || found.CustomerId != customerId)
        {
            return null;
        }
        var (plans, rates) = await catalogue.ForAsync([found], cancellationToken);
        return StripeMapping.Invoice(found, plans, rates);
    }

    /// <summary>
    /// `POST /v1/invoices/{id}/pay` for the open latest invoice of each incomplete subscription
    /// (Stripe then activates the subscription itself). A declined card leaves the invoice open,
    /// as the embedded engine does: the default payment method was still changed.
    /// </summary>
    public async Task PayIncompleteAsync(string customerId, CancellationToken cancellationToken)
    {
        var options = new SubscriptionListOptions { Customer = customerId, Status = "incomplete", Limit = 100 };
        var incomplete = await calls.RunAsync(() => _subscriptions.ListAsync(options, cancellationToken: cancellationToken), missingMeansNull: false, cancellationToken);
        foreach (var invoiceId in incomplete!.Data.Select(s => s.LatestInvoiceId).OfType<string>())
        {
            var invoice = await calls.RunAsync(() => _invoices.GetAsync(invoiceId, cancellationToken: cancellationToken), missingMeansNull: true, cancellationToken);
            if (invoice?.Status != "open")
            {
                continue;
            }
            try
            {
                await calls.RunAsync(() => _invoices.PayAsync(invoiceId, cancellationToken: cancellationToken), missingMeansNull: true, cancellationToken);
            }
            catch (ApiException declined) when (declined.Status == StatusCodes.Status402PaymentRequired)
            {
            }
        }
    }

    private static bool Within(TimeRange range, long value) =>
        (range.Gt is not { } gt || value > gt) && (range.Gte is not { } gte || value >= gte)
        && (range.Lt is not { } lt || value < lt) && (range.Lte is not { } lte || value <= lte);
}
