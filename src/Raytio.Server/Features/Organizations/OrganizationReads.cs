using System.Text.Json.Nodes;
using Raytio.Server.Features.Billing;
using Raytio.Server.Features.Links;

namespace Raytio.Server.Features.Organizations;

/// <summary>Operations 7 and 11: the caller's organisations, and one of them (with its short links).</summary>
public sealed class OrganizationReads(OrganizationAccess access, IBillingCustomers billing, OrganizationLinks links)
{
    public async Task<JsonObject> MineAsync(Guid caller, CancellationToken cancellationToken)
    {
        var ids = await access.MembershipsAsync(caller, cancellationToken);
        return new JsonObject
        {
            ["user"] = caller,
            ["organizations"] = new JsonArray([.. ids.Select(id => JsonValue.Create(id))]),
            ["message"] = $"Organizations assigned to the user {caller} : {string.Join(',', ids)}.",
        };
    }

    public async Task<JsonObject> OneAsync(Guid caller, string orgId, CancellationToken cancellationToken)
    {
        var organization = (await access.ReadAsync(caller, orgId, cancellationToken)).Organization;
        return OrganizationAnswers.Of(organization, await CustomerOfAsync(organization, cancellationToken), await links.ListAsync(organization.Id, cancellationToken));
    }

    public async Task<BillingCustomer> CustomerOfAsync(Organization organization, CancellationToken cancellationToken) =>
        await billing.FindAsync(organization.CustomerId, cancellationToken)
            ?? throw new InvalidOperationException($"The billing customer {organization.CustomerId} of organisation {organization.Id} is missing.");
}
