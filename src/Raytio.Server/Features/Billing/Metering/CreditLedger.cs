using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Features.Billing.Embedded;

namespace Raytio.Server.Features.Billing.Metering;

/// <summary>
/// Where the meter meets the embedded engine's invoices, inside their customer-locked
/// transactions: a paid invoice grants the credits of its credit-bundle lines, and an invoice
/// takes the customer's billed checks that wait for one (same currency, made by its date) as
/// lines of their own.
/// </summary>
public static class CreditLedger
{
    /// <summary>The customer's credits left, in millionths: grants less the checks paid from them (refunded ones excepted).</summary>
    public static async Task<long> BalanceAsync(this RaytioDbContext db, string customerId, CancellationToken cancellationToken)
    {
        var entries = db.BillingCreditEntries.Where(e => e.CustomerId == customerId);
        var granted = await entries.Where(e => e.Kind == CreditEntryRecord.Grant).SumAsync(e => e.Microcredits, cancellationToken);
        var used = await entries.Where(e => e.Kind == CreditEntryRecord.FromBalance && e.RefundedAt == null).SumAsync(e => e.Microcredits, cancellationToken);
        return granted - used;
    }

    /// <summary>
    /// Grants the credits a paid invoice bought: the sum of its lines of credit-bundle plans (a
    /// proration credit lowers it; a negative sum grants nothing), once per invoice.
    /// </summary>
    public static async Task GrantForPaidInvoiceAsync(this RaytioDbContext db, BillingInvoiceRecord invoice, Guid organizationId, long now, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        var invoiceId = invoice.Id;
        var plans = db.BillingPlans;
        var bought = await db.BillingInvoiceLines
            .Where(l => l.InvoiceId == invoiceId && plans.Any(p => p.Id == l.PlanId && p.ProductId == EmbeddedCatalogue.CreditsProduct))
            .SumAsync(l => l.Amount, cancellationToken);
        if (bought <= 0 || await db.BillingCreditEntries.AnyAsync(e => e.CustomerId == invoice.CustomerId && e.Reference == invoiceId, cancellationToken))
        {
            return;
        }
        db.BillingCreditEntries.Add(new CreditEntryRecord
        {
            Id = StripeIds.New("mtr_"),
            CustomerId = invoice.CustomerId,
            OrganizationId = organizationId,
            Kind = CreditEntryRecord.Grant,
            Reference = invoiceId,
            Microcredits = CreditUnits.MicroFromMinor(bought, invoice.Currency),
            Currency = invoice.Currency,
            InvoiceId = invoiceId,
            Created = now,
        });
    }

    /// <summary>Lines (invoice items, no plan) for the customer's billed checks in the invoice's currency made by <paramref name="until"/>; the checks now name the invoice.</summary>
    public static async Task<List<BillingInvoiceLineRecord>> TakeBilledChecksAsync(
        this RaytioDbContext db, string customerId, string invoiceId, string subscriptionId, string currency, long until, CancellationToken cancellationToken)
    {
        var waiting = await db.BillingCreditEntries
            .Where(e => e.CustomerId == customerId && e.Kind == CreditEntryRecord.Billed && e.InvoiceId == null && e.RefundedAt == null
                && e.Currency == currency && e.Created <= until)
            .OrderBy(e => e.Key)
            .ToListAsync(cancellationToken);
        return [.. waiting.Select(check =>
        {
            var line = new BillingInvoiceLineRecord
            {
                Id = StripeIds.New("ii_"),
                CustomerId = customerId,
                SubscriptionId = subscriptionId,
                Quantity = 1,
                Amount = check.Amount,
                Currency = currency,
                Description = string.Create(CultureInfo.InvariantCulture,
                    $"{check.Check} ({check.Reference}): {CreditUnits.FromMicro(check.Microcredits):0.######} credits at {Money.Format(check.Amount, currency)}"),
                PeriodStart = check.Created,
                PeriodEnd = check.Created,
                Created = check.Created,
            };
            check.InvoiceId = invoiceId;
            check.InvoiceLineId = line.Id;
            return line;
        })];
    }
}
