using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Raytio.Server.Data;
using Raytio.Server.Features.Billing.Embedded;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Billing.Metering;

/// <summary>How a check was paid: not metered, from the credit balance, or billed to the next invoice.</summary>
public enum MeterSettlement
{
    NotMetered,
    Credits,
    Invoice,
}

/// <summary>A charge for a check: its id (to refund it; null when not metered), price in credits and how it was paid.</summary>
public sealed record MeterCharge(string? Id, string Check, decimal Credits, MeterSettlement Settlement, string? PriceListId)
{
    public static MeterCharge NotMetered(string check) => new(null, check, 0m, MeterSettlement.NotMetered, null);
}

/// <summary>
/// The credit meter a metered operation calls before it does its work (docs/BILLING.md,
/// "Metering"). A check made for an organisation is priced from the catalogue organisation's
/// price lists and paid from the organisation's credits; when they do not cover it, it is billed
/// to the organisation's next invoice if a default payment method is set and no invoice is
/// unpaid, else 402 `insufficient_credit`. Each charge runs in a transaction holding the
/// customer's lock (<see cref="CustomerLocks"/>), so two checks racing for the last credits take
/// turns and the balance never goes below zero. A check whose provider then fails is given back
/// with <see cref="RefundAsync"/>. A person acting for themselves (no organisation) is not metered.
/// </summary>
public sealed class CreditMeter(RaytioDbContext db, MeterPrices prices, IOptions<MeteringOptions> options, TimeProvider time)
{
    public const int MaxReferenceLength = 100;
    public const string InsufficientCredit = "insufficient_credit";

    /// <summary>
    /// Charges the check <paramref name="check"/> (a <see cref="MeteredChecks"/> name) to the
    /// organisation; <paramref name="reference"/> names the operation's request (at most 100
    /// characters, unique per organisation: charging it again answers the first charge).
    /// </summary>
    /// <exception cref="ApiException">402 <c>insufficient_credit</c>: no credit left and nothing to bill.</exception>
    public async Task<MeterCharge> ChargeAsync(Guid? organizationId, string check, string reference, CancellationToken cancellationToken)
    {
        if (!MeteredChecks.All.Contains(check))
        {
            throw new ArgumentException($"'{check}' is not a metered check.", nameof(check));
        }
        if (string.IsNullOrWhiteSpace(reference) || reference.Length > MaxReferenceLength)
        {
            throw new ArgumentException($"A charge's reference is 1 to {MaxReferenceLength} characters.", nameof(reference));
        }
        var settings = options.Value;
        if (organizationId is not { } organization || settings.CatalogueOrganizationId is not { } catalogue)
        {
            return MeterCharge.NotMetered(check);
        }
        var customerId = await db.BillingCustomers.Where(c => c.OrganizationId == organization).Select(c => c.Id).FirstOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException($"The organisation {organization} has no billing customer.");
        var price = await prices.PriceAsync(settings, catalogue, organization, check, cancellationToken);
        var currency = settings.Currency.ToLowerInvariant();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var customer = await db.LockCustomerAsync(customerId, time.GetUtcNow().UtcDateTime, cancellationToken)
            ?? throw new InvalidOperationException($"The billing customer {customerId} is missing.");
        if (await db.BillingCreditEntries.AsNoTracking().FirstOrDefaultAsync(e => e.CustomerId == customerId && e.Reference == reference && e.Kind != CreditEntryRecord.Grant, cancellationToken) is { } earlier)
        {
            return Answer(earlier);
        }
        var microcredits = CreditUnits.ToMicro(price.Credits);
        var balance = await db.BalanceAsync(customerId, cancellationToken);
        var fromBalance = balance >= microcredits;
        if (!fromBalance && (customer.DefaultPaymentMethod is null || customer.Delinquent))
        {
            throw new ApiException(StatusCodes.Status402PaymentRequired, InsufficientCredit,
                $"The organisation has {CreditUnits.FromMicro(balance):0.######} credits left and a {check} check costs {price.Credits:0.######}: "
                + (customer.DefaultPaymentMethod is null
                    ? "buy a credit bundle (a subscription to a credit-bundle plan) or set a default payment method to be billed for checks."
                    : "its unpaid invoice must be paid before checks are billed to it."));
        }
        var entry = new CreditEntryRecord
        {
            Id = StripeIds.New("mtr_"),
            CustomerId = customerId,
            OrganizationId = organization,
            Kind = fromBalance ? CreditEntryRecord.FromBalance : CreditEntryRecord.Billed,
            Check = check,
            Reference = reference,
            Microcredits = microcredits,
            PriceListId = price.PriceListId,
            Currency = currency,
            Amount = fromBalance ? 0 : CreditUnits.ToMinor(price.Credits, currency),
            Created = time.Now(),
        };
        db.BillingCreditEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Answer(entry);
    }

    /// <summary>
    /// Gives a charge back (the operation's provider failed after the charge): its credits count
    /// again, a billed check that waits for an invoice is not invoiced, and one already invoiced
    /// becomes credit (its amount and tax) on the customer's balance, which the next invoice uses.
    /// Refunding twice changes nothing. False when there is no such charge.
    /// </summary>
    public async Task<bool> RefundAsync(string chargeId, CancellationToken cancellationToken)
    {
        var customerId = await db.BillingCreditEntries.Where(e => e.Id == chargeId && e.Kind != CreditEntryRecord.Grant)
            .Select(e => e.CustomerId).FirstOrDefaultAsync(cancellationToken);
        if (customerId is null)
        {
            return false;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var customer = await db.LockCustomerAsync(customerId, time.GetUtcNow().UtcDateTime, cancellationToken)
            ?? throw new InvalidOperationException($"The billing customer {customerId} is missing.");
        var entry = await db.BillingCreditEntries.SingleAsync(e => e.Id == chargeId, cancellationToken);
        if (entry.RefundedAt is not null)
        {
            return true;
        }
        entry.RefundedAt = time.Now();
        if (entry.InvoiceLineId is { } lineId)
        {
            var line = await db.BillingInvoiceLines.AsNoTracking().SingleAsync(l => l.Id == lineId, cancellationToken);
            customer.Balance -= line.Amount + line.TaxAmount;
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The organisation's credits left (0 when it has no customer).</summary>
    public async Task<decimal> BalanceAsync(Guid organizationId, CancellationToken cancellationToken)
    {
        var customerId = await db.BillingCustomers.Where(c => c.OrganizationId == organizationId).Select(c => c.Id).FirstOrDefaultAsync(cancellationToken);
        return customerId is null ? 0m : CreditUnits.FromMicro(await db.BalanceAsync(customerId, cancellationToken));
    }

    private static MeterCharge Answer(CreditEntryRecord entry) => new(
        entry.Id, entry.Check!, CreditUnits.FromMicro(entry.Microcredits),
        entry.Kind == CreditEntryRecord.FromBalance ? MeterSettlement.Credits : MeterSettlement.Invoice, entry.PriceListId);
}
