using Raytio.Server.Providers.Xero;

namespace Raytio.Server.Features.Xero;

/// <summary>
/// Which of the grant's `/connections` becomes the organisation's ledger: organisations only
/// (a PRACTICE tenant has no accounting reports), the one the administrator connected most
/// recently (latest `updatedDateUtc`, which Xero sets when a tenant is connected or connected
/// again), ties broken by tenant name then id, so the choice is the same every time.
/// </summary>
public static class XeroTenantChoice
{
    public static XeroTenant? Pick(IEnumerable<XeroTenant> tenants) =>
        tenants.Where(t => string.Equals(t.TenantType, XeroTenant.Organisation, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(t => t.UpdatedDateUtc ?? DateTime.MinValue)
            .ThenBy(t => t.TenantName, StringComparer.Ordinal)
            .ThenBy(t => t.TenantId)
            .FirstOrDefault();
}
