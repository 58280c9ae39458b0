using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Raytio.Server.Features.Organizations;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Billing;

/// <summary>Operations 19-25, 27-30, 32 and 33 under /org/{version}.</summary>
internal static class BillingEndpoints
{
    private const string OrgRoute = "/organizations/{orgID}";

    /// <summary>502 `billing_provider_unavailable`: with the Stripe engine, Stripe failed or did not answer (docs/BILLING.md).</summary>
    public const int ProviderFailure = StatusCodes.Status502BadGateway;

    public static void Map(IEndpointRouteBuilder app)
    {
        var org = app.MapVersionedGroup("org");

        org.MapGet("/plans", async Task<Ok<JsonObject>> (HttpRequest request, CurrentUser caller, BillingOperations billing, CancellationToken ct) =>
                TypedResults.Ok(await billing.ListPlansAsync(request.Query, ct)))
            .WithName("list-plans")
            .ProducesError(BillingEndpoints.ProviderFailure)
            .WithSummary("The billing plans, newest first: active, created (or created[gt|gte|lt|lte]), product; limit (1-100, default 10), starting_after, ending_before")
            .ProducesError(400);

        org.MapGet("/plans/{planID}", async Task<Ok<JsonObject>> ([FromRoute(Name = "planID")] string planId, CurrentUser caller, BillingOperations billing, CancellationToken ct) =>
                TypedResults.Ok(await billing.GetPlanAsync(planId, ct)))
            .WithName("get-plan")
            .ProducesError(BillingEndpoints.ProviderFailure)
            .WithSummary("One billing plan");

        MapSubscriptions(org);
        MapPaymentMethods(org);
        MapInvoices(org);
    }

    private static void MapSubscriptions(RouteGroupBuilder org)
    {
        org.MapGet(OrgRoute + "/subscriptions", async Task<Ok<JsonObject>> ([FromRoute(Name = OrganizationAccess.RouteField)] string orgId, HttpRequest request, CurrentUser caller, BillingOperations billing, CancellationToken ct) =>
                TypedResults.Ok(await billing.ListSubscriptionsAsync(caller.Id, orgId, request.Query, ct)))
            .WithName("list-subscriptions")
            .ProducesError(BillingEndpoints.ProviderFailure)
            .WithSummary("The organisation's subscriptions, newest first; not canceled unless status=canceled or all; billing, created, current_period_start/end, customer, plan; cursor pagination; members")
            .ProducesError(400);

        org.MapPost(OrgRoute + "/subscriptions", async Task<Ok<JsonObject>> ([FromRoute(Name = OrganizationAccess.RouteField)] string orgId, SubscriptionRequest body, CurrentUser caller, BillingOperations billing, CancellationToken ct) =>
                TypedResults.Ok(await billing.CreateSubscriptionAsync(caller.Id, orgId, body, ct)))
            .WithName("create-subscription")
            .ProducesError(BillingEndpoints.ProviderFailure)
            .WithSummary("Subscribe the organisation {items: [{plan, quantity}], cancel_at_period_end}: the first period is invoiced and charged to the default payment method; administrators")
            .ProducesError(400, 403);

        org.MapGet(OrgRoute + "/subscriptions/{subscriptionID}", async Task<Ok<JsonObject>> ([FromRoute(Name = OrganizationAccess.RouteField)] string orgId, [FromRoute(Name = "subscriptionID")] string subscriptionId, CurrentUser caller, BillingOperations billing, CancellationToken ct) =>
                TypedResults.Ok(await billing.GetSubscriptionAsync(caller.Id, orgId, subscriptionId, ct)))
            .WithName("get-subscription")
            .ProducesError(BillingEndpoints.ProviderFailure)
            .WithSummary("One subscription of the organisation; members")
            .ProducesError(400);

        org.MapPatch(OrgRoute + "/subscriptions/{subscriptionID}", async Task<Ok<JsonObject>> ([FromRoute(Name = OrganizationAccess.RouteField)] string orgId, [FromRoute(Name = "subscriptionID")] string subscriptionId, SubscriptionRequest body, CurrentUser caller, BillingOperations billing, CancellationToken ct) =>
                TypedResults.Ok(await billing.UpdateSubscriptionAsync(caller.Id, orgId, subscriptionId, body, ct)))
            .WithName("update-subscription")
            .ProducesError(BillingEndpoints.ProviderFailure)
            .WithSummary("Change items {items: [{id?, plan, quantity, deleted?}]} (prorated onto the next invoice) and cancel_at_period_end; administrators; 409 once ended")
            .ProducesError(400, 403, 409);

        org.MapDelete(OrgRoute + "/subscriptions/{subscriptionID}", async Task<Ok<JsonObject>> ([FromRoute(Name = OrganizationAccess.RouteField)] string orgId, [FromRoute(Name = "subscriptionID")] string subscriptionId, CurrentUser caller, BillingOperations billing, CancellationToken ct) =>
                TypedResults.Ok(await billing.CancelSubscriptionAsync(caller.Id, orgId, subscriptionId, ct)))
            .WithName("cancel-subscription")
            .ProducesError(BillingEndpoints.ProviderFailure)
            .WithSummary("Cancel now, without a further invoice; administrators; 409 once ended")
            .ProducesError(400, 403, 409);
    }

    private static void MapPaymentMethods(RouteGroupBuilder org)
    {
        org.MapGet(OrgRoute + "/payment_methods", async Task<Ok<JsonObject>> ([FromRoute(Name = OrganizationAccess.RouteField)] string orgId, HttpRequest request, CurrentUser caller, BillingOperations billing, CancellationToken ct) =>
                TypedResults.Ok(await billing.ListPaymentMethodsAsync(caller.Id, orgId, request.Query, ct)))
            .WithName("list-payment-methods")
            .ProducesError(BillingEndpoints.ProviderFailure)
            .WithSummary("The organisation's payment methods of a type (type=card|card_present, required), newest first, cursor pagination; members")
            .ProducesError(400);

        org.MapGet(OrgRoute + "/payment_methods/{paymentMethodID}", async Task<Ok<JsonObject>> ([FromRoute(Name = OrganizationAccess.RouteField)] string orgId, [FromRoute(Name = "paymentMethodID")] string paymentMethodId, CurrentUser caller, BillingOperations billing, CancellationToken ct) =>
                TypedResults.Ok(await billing.GetPaymentMethodAsync(caller.Id, orgId, paymentMethodId, ct)))
            .WithName("get-payment-method")
            .ProducesError(BillingEndpoints.ProviderFailure)
            .WithSummary("One payment method attached to the organisation's customer; members")
            .ProducesError(400);

        org.MapPost(OrgRoute + "/payment_methods/{paymentMethodID}/attach", async Task<Ok<JsonObject>> ([FromRoute(Name = OrganizationAccess.RouteField)] string orgId, [FromRoute(Name = "paymentMethodID")] string paymentMethodId, CurrentUser caller, BillingOperations billing, CancellationToken ct) =>
                TypedResults.Ok(await billing.AttachPaymentMethodAsync(caller.Id, orgId, paymentMethodId, ct)))
            .WithName("attach-payment-method")
            .ProducesError(BillingEndpoints.ProviderFailure)
            .WithSummary("Attach a payment method (embedded engine: a Stripe test payment method such as pm_card_visa makes a new card); 402 when the card is declined; administrators")
            .ProducesError(400, 402, 403);

        org.MapPost(OrgRoute + "/payment_methods/{paymentMethodID}/detach", async Task<Ok<JsonObject>> ([FromRoute(Name = OrganizationAccess.RouteField)] string orgId, [FromRoute(Name = "paymentMethodID")] string paymentMethodId, CurrentUser caller, BillingOperations billing, CancellationToken ct) =>
                TypedResults.Ok(await billing.DetachPaymentMethodAsync(caller.Id, orgId, paymentMethodId, ct)))
            .WithName("detach-payment-method")
            .ProducesError(BillingEndpoints.ProviderFailure)
            .WithSummary("Detach a payment method (it stops being the default); administrators")
            .ProducesError(400, 403);
    }

    private static void MapInvoices(RouteGroupBuilder org)
    {
        org.MapGet(OrgRoute + "/invoices", async Task<Ok<JsonObject>> ([FromRoute(Name = OrganizationAccess.RouteField)] string orgId, HttpRequest request, CurrentUser caller, BillingOperations billing, CancellationToken ct) =>
                TypedResults.Ok(await billing.ListInvoicesAsync(caller.Id, orgId, request.Query, ct)))
            .WithName("list-invoices")
            .ProducesError(BillingEndpoints.ProviderFailure)
            .WithSummary("The organisation's invoices, newest first: billing, created, due_date, subscription; cursor pagination; members")
            .ProducesError(400);

        org.MapGet(OrgRoute + "/invoices/{invoiceID}", async Task<Ok<JsonObject>> ([FromRoute(Name = OrganizationAccess.RouteField)] string orgId, [FromRoute(Name = "invoiceID")] string invoiceId, CurrentUser caller, BillingOperations billing, CancellationToken ct) =>
                TypedResults.Ok(await billing.GetInvoiceAsync(caller.Id, orgId, invoiceId, ct)))
            .WithName("get-invoice")
            .ProducesError(BillingEndpoints.ProviderFailure)
            .WithSummary("One invoice with its lines; members")
            .ProducesError(400);
    }
}
