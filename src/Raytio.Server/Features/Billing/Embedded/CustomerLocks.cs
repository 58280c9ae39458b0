using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;

namespace Raytio.Server.Features.Billing.Embedded;

/// <summary>
/// Every change of a customer's billing (subscribing, changing, renewing, charging, attaching)
/// runs in a transaction that first writes the customer's row, which stays locked until commit:
/// requests and renewal passes on any replica take turns per customer, and each re-reads what it
/// changes after the lock, so a renewal already made by another replica is not made twice.
/// </summary>
public static class CustomerLocks
{
    /// <summary>Locks the customer's row and answers it (tracked); null when there is no such customer.</summary>
    public static async Task<BillingCustomerRecord?> LockCustomerAsync(this RaytioDbContext db, string customerId, DateTime now, CancellationToken cancellationToken)
    {
        var customers = db.BillingCustomers;
        var locked = await customers.Where(c => c.Id == customerId).ExecuteUpdateAsync(s => s.SetProperty(c => c.UpdatedAt, now), cancellationToken);
        return locked == 1 ? await customers.SingleAsync(c => c.Id == customerId, cancellationToken) : null;
    }
}
