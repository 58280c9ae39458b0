using System.Text.Json.Nodes;
using Raytio.Server.Data;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Organizations;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Billing;

/// <summary>
/// Operations 19-25, 27-30, 32 and 33: who may do what, then the engine. Any signed-in user reads
/// the plans; an organisation's members read its billing, its administrators change it (403 for a
/// member); anyone else gets the organisation's 404, and an object of another customer the same
/// 404 as an unknown id. Changes are audited after the engine answers: a remote engine commits on
/// its own side, so no one transaction can hold both.
/// </summary>
public sealed class BillingOperations(
    OrganizationAccess access,
    IBillingPlans plans,
    IBillingSubscriptions subscriptions,
    IBillingPaymentMethods paymentMethods,
    IBillingInvoices invoices,
    AuditTrail audit,
    RaytioDbContext db)
{
    public async Task<JsonObject> ListPlansAsync(IQueryCollection query, CancellationToken cancellationToken)
    {
        var parser = new BillingQueryParser(query);
        var filter = new PlanFilter(parser.Boolean("active"), parser.Time("created"), parser.Id("product"));
        return BillingShapes.List(await plans.ListAsync(filter, parser.Page(), cancellationToken), "v1/plans", BillingShapes.Plan);
    }

    public async Task<JsonObject> GetPlanAsync(string planId, CancellationToken cancellationToken) =>
        BillingShapes.Plan(await plans.FindAsync(planId, cancellationToken) ?? throw NotFound("plan"));

    public async Task<JsonObject> ListSubscriptionsAsync(Guid caller, string orgId, IQueryCollection query, CancellationToken cancellationToken)
    {
        var customer = await CustomerAsync(caller, orgId, admin: false, cancellationToken);
        var parser = new BillingQueryParser(query);
        var filter = new SubscriptionFilter(
            parser.OneOf("status", BillingQueryParser.SubscriptionStatuses), parser.OneOf("billing", BillingQueryParser.BillingModes),
            parser.Time("created"), parser.Time("current_period_start"), parser.Time("current_period_end"), parser.Id("plan"));
        var page = parser.Page();
        var found = parser.Id("customer") is { } named && named != customer
            ? new BillingPage<BillingSubscription>([], false)
            : await subscriptions.ListAsync(customer, filter, page, cancellationToken);
        return BillingShapes.List(found, "v1/subscriptions", BillingShapes.Subscription);
    }

    public async Task<JsonObject> GetSubscriptionAsync(Guid caller, string orgId, string subscriptionId, CancellationToken cancellationToken)
    {
        var customer = await CustomerAsync(caller, orgId, admin: false, cancellationToken);
        return BillingShapes.Subscription(await subscriptions.FindAsync(customer, subscriptionId, cancellationToken) ?? throw NotFound("subscription"));
    }

    public async Task<JsonObject> CreateSubscriptionAsync(Guid caller, string orgId, SubscriptionRequest body, CancellationToken cancellationToken)
    {
        var (organization, customer) = await AdminAsync(caller, orgId, cancellationToken);
        var created = await subscriptions.CreateAsync(customer, body.ForCreate(), cancellationToken);
        await AuditAsync(AuditEventTypes.BillingSubscriptionCreate, caller, organization, "subscription", created.Id, cancellationToken);
        return BillingShapes.Subscription(created);
    }

    public async Task<JsonObject> UpdateSubscriptionAsync(Guid caller, string orgId, string subscriptionId, SubscriptionRequest body, CancellationToken cancellationToken)
    {
        var (organization, customer) = await AdminAsync(caller, orgId, cancellationToken);
        var changed = await subscriptions.UpdateAsync(customer, subscriptionId, body.ForChange(), cancellationToken) ?? throw NotFound("subscription");
        await AuditAsync(AuditEventTypes.BillingSubscriptionUpdate, caller, organization, "subscription", changed.Id, cancellationToken);
        return BillingShapes.Subscription(changed);
    }

    public async Task<JsonObject> CancelSubscriptionAsync(Guid caller, string orgId, string subscriptionId, CancellationToken cancellationToken)
    {
        var (organization, customer) = await AdminAsync(caller, orgId, cancellationToken);
        var canceled = await subscriptions.CancelAsync(customer, subscriptionId, cancellationToken) ?? throw NotFound("subscription");
        await AuditAsync(AuditEventTypes.BillingSubscriptionCancel, caller, organization, "subscription", canceled.Id, cancellationToken);
        return BillingShapes.Subscription(canceled);
    }

    public async Task<JsonObject> ListPaymentMethodsAsync(Guid caller, string orgId, IQueryCollection query, CancellationToken cancellationToken)
    {
        var customer = await CustomerAsync(caller, orgId, admin: false, cancellationToken);
        var parser = new BillingQueryParser(query);
        var type = parser.OneOf("type", BillingQueryParser.PaymentMethodTypes) ?? throw ApiException.Invalid("type", "'type' is required: card or card_present.");
        return BillingShapes.List(await paymentMethods.ListAsync(customer, type, parser.Page(), cancellationToken), "v1/payment_methods", BillingShapes.PaymentMethod);
    }

    public async Task<JsonObject> GetPaymentMethodAsync(Guid caller, string orgId, string paymentMethodId, CancellationToken cancellationToken)
    {
        var customer = await CustomerAsync(caller, orgId, admin: false, cancellationToken);
        return BillingShapes.PaymentMethod(await paymentMethods.FindAsync(customer, paymentMethodId, cancellationToken) ?? throw NotFound("payment_method"));
    }

    public async Task<JsonObject> AttachPaymentMethodAsync(Guid caller, string orgId, string paymentMethodId, CancellationToken cancellationToken)
    {
        var (organization, customer) = await AdminAsync(caller, orgId, cancellationToken);
        var attached = await paymentMethods.AttachAsync(customer, paymentMethodId, cancellationToken) ?? throw NotFound("payment_method");
        await AuditAsync(AuditEventTypes.BillingPaymentMethodAttach, caller, organization, "payment_method", attached.Id, cancellationToken);
        return BillingShapes.PaymentMethod(attached);
    }

    public async Task<JsonObject> DetachPaymentMethodAsync(Guid caller, string orgId, string paymentMethodId, CancellationToken cancellationToken)
    {
        var (organization, customer) = await AdminAsync(caller, orgId, cancellationToken);
        var detached = await paymentMethods.DetachAsync(customer, paymentMethodId, cancellationToken) ?? throw NotFound("payment_method");
        await AuditAsync(AuditEventTypes.BillingPaymentMethodDetach, caller, organization, "payment_method", detached.Id, cancellationToken);
        return BillingShapes.PaymentMethod(detached);
    }

    public async Task<JsonObject> ListInvoicesAsync(Guid caller, string orgId, IQueryCollection query, CancellationToken cancellationToken)
    {
        var customer = await CustomerAsync(caller, orgId, admin: false, cancellationToken);
        var parser = new BillingQueryParser(query);
        var filter = new InvoiceFilter(parser.OneOf("billing", BillingQueryParser.BillingModes), parser.Time("created"), parser.Time("due_date"), parser.Id("subscription"));
        return BillingShapes.List(await invoices.ListAsync(customer, filter, parser.Page(), cancellationToken), "v1/invoices", BillingShapes.Invoice);
    }

    public async Task<JsonObject> GetInvoiceAsync(Guid caller, string orgId, string invoiceId, CancellationToken cancellationToken)
    {
        var customer = await CustomerAsync(caller, orgId, admin: false, cancellationToken);
        return BillingShapes.Invoice(await invoices.FindAsync(customer, invoiceId, cancellationToken) ?? throw NotFound("invoice"));
    }

    private async Task<string> CustomerAsync(Guid caller, string orgId, bool admin, CancellationToken cancellationToken)
    {
        var member = await access.ReadAsync(caller, orgId, cancellationToken);
        return (admin ? member.RequireAdmin() : member).Organization.CustomerId;
    }

    private async Task<(Organization Organization, string Customer)> AdminAsync(Guid caller, string orgId, CancellationToken cancellationToken)
    {
        var organization = (await access.ReadAsync(caller, orgId, cancellationToken)).RequireAdmin().Organization;
        return (organization, organization.CustomerId);
    }

    private async Task AuditAsync(string eventType, Guid caller, Organization organization, string kind, string id, CancellationToken cancellationToken)
    {
        audit.Record(eventType, caller, organization.Id, new JsonObject { [kind] = id });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static ApiException NotFound(string kind) =>
        ApiException.NotFound($"{kind}_not_found", $"No such {kind.Replace('_', ' ')}, or it is not this organisation's.");
}
