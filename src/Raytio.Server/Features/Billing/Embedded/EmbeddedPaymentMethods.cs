using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Billing.Embedded;

/// <summary>
/// Payment methods of the embedded engine. Attaching one of Stripe's test payment methods
/// (<see cref="TestCard"/>, e.g. `pm_card_visa`) makes a new card `pm_…` on the customer, as
/// Stripe does; attaching one of the customer's own cards again answers it unchanged. A test card
/// that declines on attach answers 402 card_declined. Detaching ends its use for good (and its
/// place as the default). Only cards exist here, so `card_present` lists are empty.
/// </summary>
public sealed class EmbeddedPaymentMethods(RaytioDbContext db, TimeProvider time) : IBillingPaymentMethods
{
    public async Task<BillingPage<BillingPaymentMethod>> ListAsync(string customerId, string type, PageRequest page, CancellationToken cancellationToken)
    {
        var scope = db.BillingPaymentMethods.AsNoTracking().Where(m => m.CustomerId == customerId);
        var filtered = type == "card" ? scope : scope.Where(m => false);
        var records = await BillingPaging.PageAsync(scope, filtered, page, cancellationToken);
        return new BillingPage<BillingPaymentMethod>([.. records.Data.Select(EmbeddedObjects.PaymentMethod)], records.HasMore);
    }

    public async Task<BillingPaymentMethod?> FindAsync(string customerId, string paymentMethodId, CancellationToken cancellationToken)
    {
        var record = await db.BillingPaymentMethods.AsNoTracking().FirstOrDefaultAsync(m => m.Id == paymentMethodId && m.CustomerId == customerId, cancellationToken);
        return record is null ? null : EmbeddedObjects.PaymentMethod(record);
    }

    public async Task<BillingPaymentMethod?> AttachAsync(string customerId, string paymentMethodId, CancellationToken cancellationToken)
    {
        if (TestCard.Find(paymentMethodId) is not { } card)
        {
            return await FindAsync(customerId, paymentMethodId, cancellationToken);
        }
        if (card.AttachDecline is { } decline)
        {
            throw new ApiException(StatusCodes.Status402PaymentRequired, "card_declined", $"Your card was declined ({decline}).");
        }
        var now = time.GetUtcNow();
        var record = new BillingPaymentMethodRecord
        {
            Id = StripeIds.New("pm_"),
            CustomerId = customerId,
            TestToken = card.Token,
            Brand = card.Brand,
            Last4 = card.Last4,
            ExpMonth = now.Month,
            ExpYear = now.Year + TestCard.YearsValid,
            Funding = card.Funding,
            Country = card.Country,
            Created = now.ToUnixTimeSeconds(),
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.LockCustomerAsync(customerId, now.UtcDateTime, cancellationToken) is null)
        {
            return null;
        }
        db.BillingPaymentMethods.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return EmbeddedObjects.PaymentMethod(record);
    }

    public async Task<BillingPaymentMethod?> DetachAsync(string customerId, string paymentMethodId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var customer = await db.LockCustomerAsync(customerId, time.GetUtcNow().UtcDateTime, cancellationToken);
        var record = customer is null ? null : await db.BillingPaymentMethods.FirstOrDefaultAsync(m => m.Id == paymentMethodId && m.CustomerId == customerId, cancellationToken);
        if (customer is null || record is null)
        {
            return null;
        }
        record.CustomerId = null;
        if (customer.DefaultPaymentMethod == record.Id)
        {
            customer.DefaultPaymentMethod = null;
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return EmbeddedObjects.PaymentMethod(record);
    }
}
