using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Features.Billing.Embedded;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Billing;

/// <summary>
/// Customers of the embedded billing engine, in the billing_customers table. Ids look like
/// Stripe's (`cus_` and 14 base-62 characters). The default payment method must be one attached
/// to the customer (<see cref="Embedded.EmbeddedPaymentMethods"/>).
/// </summary>
public sealed class EmbeddedBillingCustomers(RaytioDbContext db, TimeProvider time) : IBillingCustomers
{
    private const string IdAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public Task<BillingCustomer> CreateAsync(Guid organizationId, string name, string email, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var record = new BillingCustomerRecord
        {
            Id = "cus_" + RandomNumberGenerator.GetString(IdAlphabet, 14),
            OrganizationId = organizationId,
            Name = name,
            Email = email,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.BillingCustomers.Add(record);
        return Task.FromResult(Answer(record));
    }

    public async Task<BillingCustomer?> FindAsync(string customerId, CancellationToken cancellationToken)
    {
        var record = await db.BillingCustomers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == customerId, cancellationToken);
        return record is null ? null : Answer(record);
    }

    public async Task<BillingCustomer> UpdateAsync(string customerId, string name, string email, Optional<string?> defaultPaymentMethod, CancellationToken cancellationToken)
    {
        var record = await db.BillingCustomers.FirstOrDefaultAsync(c => c.Id == customerId, cancellationToken)
            ?? throw new InvalidOperationException($"The organisation's billing customer {customerId} is missing.");
        if (defaultPaymentMethod is { IsPresent: true, Value: { } paymentMethod }
            && !await db.BillingPaymentMethods.AnyAsync(m => m.Id == paymentMethod && m.CustomerId == customerId, cancellationToken))
        {
            throw ApiException.Invalid("customer.invoice_settings.default_payment_method",
                $"The payment method '{paymentMethod}' is not attached to this organisation's customer.");
        }
        if (defaultPaymentMethod.IsPresent)
        {
            record.DefaultPaymentMethod = defaultPaymentMethod.Value;
        }
        record.Name = name;
        record.Email = email;
        record.UpdatedAt = time.GetUtcNow().UtcDateTime;
        return Answer(record);
    }

    private static BillingCustomer Answer(BillingCustomerRecord record) => new(record.Id, record.Delinquent, record.DefaultPaymentMethod);
}
