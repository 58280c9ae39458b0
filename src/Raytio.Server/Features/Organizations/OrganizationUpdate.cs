using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Billing;
using Raytio.Server.Features.Graph;
using Raytio.Server.Features.Links;

namespace Raytio.Server.Features.Organizations;

/// <summary>
/// Operation 12: administrators change the name, billing email and address. The billing
/// customer's name and email follow, and so does the members group's `name` in the graph, so
/// the group operations show the organisation's current name. A new default payment method then
/// pays the open invoices of incomplete subscriptions. Answers as operation 11 does.
/// </summary>
public sealed class OrganizationUpdate(
    RaytioDbContext db, OrganizationAccess access, IBillingCustomers billing, IBillingInvoices invoices, OrganizationLinks links, AuditTrail audit, TimeProvider time)
{
    public async Task<JsonObject> UpdateAsync(Guid caller, string orgId, OrganizationRequest request, CancellationToken cancellationToken)
    {
        var body = request.Check();
        // Outside the transaction (a remote billing engine answers over the network, the first
        // HMAC stores its secret through a connection of its own); checked again under the lock.
        var organization = (await access.ReadAsync(caller, orgId, cancellationToken)).RequireAdmin().Organization;
        var customer = await billing.UpdateAsync(organization.CustomerId, body.Name, body.Email, body.DefaultPaymentMethod, cancellationToken);
        var nameHmac = await audit.HmacAsync(body.Name, cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        organization = (await access.LockAsync(caller, orgId, cancellationToken)).RequireAdmin().Organization;
        var now = time.GetUtcNow().UtcDateTime;
        organization.Name = body.Name;
        organization.BillingEmail = body.Email;
        organization.AddressJson = body.AddressJson;
        organization.UpdatedAt = now;
        await RenameGroupAsync(organization.GroupNodeId, body.Name, now, cancellationToken);
        audit.Record(AuditEventTypes.OrganizationUpdate, caller, organization.Id, new JsonObject { ["name_hmac"] = nameHmac });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (body.DefaultPaymentMethod is { IsPresent: true, Value: not null })
        {
            // After the commit: the engine takes the customer's lock in a transaction of its own (a remote one pays over the network).
            await invoices.PayIncompleteAsync(organization.CustomerId, cancellationToken);
            customer = await billing.FindAsync(organization.CustomerId, cancellationToken) ?? customer;
        }
        return OrganizationAnswers.Of(organization, customer, await links.ListAsync(organization.Id, cancellationToken));
    }

    private async Task RenameGroupAsync(long groupNodeId, string name, DateTime now, CancellationToken cancellationToken)
    {
        var group = await db.GraphNodes.SingleAsync(n => n.Id == groupNodeId && n.Kind == NodeKind.Group, cancellationToken);
        var properties = JsonNode.Parse(group.PropertiesJson) as JsonObject ?? [];
        properties["name"] = name;
        group.PropertiesJson = properties.ToJsonString();
        group.UpdatedAt = now;
    }
}
