using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;

namespace Raytio.Server.Features.Billing.Embedded;

/// <summary>A customer's invoices, newest first. All are charged automatically, so none has a due date.</summary>
public sealed class EmbeddedInvoices(RaytioDbContext db, EmbeddedObjects objects, EmbeddedInvoicing invoicing, TimeProvider time) : IBillingInvoices
{
    public async Task PayIncompleteAsync(string customerId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var customer = await db.LockCustomerAsync(customerId, time.GetUtcNow().UtcDateTime, cancellationToken);
        if (customer?.DefaultPaymentMethod is null)
        {
            return;
        }
        // Re-read under the lock: a renewal pass may have expired one meanwhile.
        var incomplete = await db.BillingSubscriptions.Where(s => s.CustomerId == customerId && s.Status == EmbeddedSubscriptions.Incomplete).ToListAsync(cancellationToken);
        var now = time.Now();
        foreach (var subscription in incomplete)
        {
            var subscriptionId = subscription.Id;
            var paid = true;
            foreach (var invoice in await db.BillingInvoices.Where(i => i.SubscriptionId == subscriptionId && i.Status == "open").OrderBy(i => i.Key).ToListAsync(cancellationToken))
            {
                paid &= await invoicing.ChargeAsync(invoice, customer, now, retry: false, cancellationToken);
            }
            if (paid)
            {
                subscription.Status = EmbeddedSubscriptions.Active;
            }
        }
        await invoicing.SaveWithDelinquencyAsync(customer, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<BillingPage<BillingInvoice>> ListAsync(string customerId, InvoiceFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        var scope = db.BillingInvoices.AsNoTracking().Where(i => i.CustomerId == customerId);
        var filtered = scope.WhereIn(i => i.Created, filter.Created);
        if (filter.Billing == "send_invoice" || !filter.DueDate.IsAny)
        {
            filtered = filtered.Where(i => false);
        }
        if (filter.Subscription is { } subscription)
        {
            filtered = filtered.Where(i => i.SubscriptionId == subscription);
        }
        var records = await BillingPaging.PageAsync(scope, filtered, page, cancellationToken);
        return new BillingPage<BillingInvoice>(await objects.InvoicesAsync(records.Data, cancellationToken), records.HasMore);
    }

    public async Task<BillingInvoice?> FindAsync(string customerId, string invoiceId, CancellationToken cancellationToken)
    {
        var record = await db.BillingInvoices.AsNoTracking().FirstOrDefaultAsync(i => i.Id == invoiceId && i.CustomerId == customerId, cancellationToken);
        return record is null ? null : (await objects.InvoicesAsync([record], cancellationToken))[0];
    }
}
