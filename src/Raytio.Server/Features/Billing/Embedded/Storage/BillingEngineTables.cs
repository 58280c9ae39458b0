using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;

namespace Raytio.Server.Features.Billing.Embedded;

/// <summary>A row listed with cursor pagination: a stable order (<see cref="Key"/>, creation order) and its public id.</summary>
public interface IBillingRow
{
    long Key { get; }

    string Id { get; }
}

/// <summary>The embedded engine's tables, as properties of the shared context.</summary>
public static class BillingEngineTables
{
    extension(RaytioDbContext db)
    {
        public DbSet<BillingProductRecord> BillingProducts => db.Set<BillingProductRecord>();

        public DbSet<BillingPlanRecord> BillingPlans => db.Set<BillingPlanRecord>();

        public DbSet<BillingTaxRateRecord> BillingTaxRates => db.Set<BillingTaxRateRecord>();

        public DbSet<BillingSubscriptionRecord> BillingSubscriptions => db.Set<BillingSubscriptionRecord>();

        public DbSet<BillingSubscriptionItemRecord> BillingSubscriptionItems => db.Set<BillingSubscriptionItemRecord>();

        public DbSet<BillingPaymentMethodRecord> BillingPaymentMethods => db.Set<BillingPaymentMethodRecord>();

        public DbSet<BillingInvoiceRecord> BillingInvoices => db.Set<BillingInvoiceRecord>();

        public DbSet<BillingInvoiceLineRecord> BillingInvoiceLines => db.Set<BillingInvoiceLineRecord>();
    }
}
