using System.Text.Json.Nodes;
using Raytio.Server.Data;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Billing;
using Raytio.Server.Features.Graph;

namespace Raytio.Server.Features.Organizations;

/// <summary>
/// Operation 8: a new organisation, its members group in the graph (g_id = org_id), its billing
/// customer, and the creator as its first administrator, all in one transaction. The group has
/// no owner: its members change only through the organisation's operations.
/// </summary>
public sealed class OrganizationCreation(RaytioDbContext db, IBillingCustomers billing, OrganizationMembers members, AuditTrail audit, TimeProvider time)
{
    public async Task<JsonObject> CreateAsync(Guid caller, OrganizationRequest request, CancellationToken cancellationToken)
    {
        var body = request.Check();
        if (body.DefaultPaymentMethod is { IsPresent: true, Value: not null })
        {
            throw Hosting.ApiException.Invalid("customer.invoice_settings.default_payment_method",
                "A new organisation has no payment methods yet: attach one first, then make it the default.");
        }
        var id = Guid.NewGuid();
        var customer = await billing.CreateAsync(id, body.Name, body.Email, cancellationToken);
        // Before the transaction: the first HMAC stores its secret through a connection of its own.
        var nameHmac = await audit.HmacAsync(body.Name, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var group = new GraphNode
        {
            Key = id,
            Kind = NodeKind.Group,
            LabelsJson = OrganizationLabels.LabelsJson,
            PropertiesJson = new JsonObject { ["name"] = body.Name }.ToJsonString(),
            CreatedAt = now,
            UpdatedAt = now,
        };

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.GraphNodes.Add(group);
        await db.SaveChangesAsync(cancellationToken);
        db.GraphLabels.AddRange(
            new GraphLabel { NodeId = group.Id, Label = "Group" },
            new GraphLabel { NodeId = group.Id, Label = OrganizationLabels.Organization });
        var organization = new Organization
        {
            Id = id,
            GroupNodeId = group.Id,
            Name = body.Name,
            BillingEmail = body.Email,
            AddressJson = body.AddressJson,
            CustomerId = customer.Id,
            CreatedBy = caller,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Organizations.Add(organization);
        await members.AddAsync(organization, caller, OrganizationRole.Admin, cancellationToken);
        audit.Record(AuditEventTypes.OrganizationCreate, caller, id, new JsonObject { ["name_hmac"] = nameHmac });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return OrganizationAnswers.Of(organization, customer);
    }
}
