using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Organizations;

/// <summary>Operations 7, 8, 11, 12 and 26, and the membership additions (roles, removal).</summary>
internal static class OrganizationsEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var org = app.MapVersionedGroup("org");

        org.MapGet("/organizations", async Task<Ok<JsonObject>> (CurrentUser caller, OrganizationReads reads, CancellationToken ct) =>
                TypedResults.Ok(await reads.MineAsync(caller.Id, ct)))
            .WithName("list-organizations")
            .WithSummary("The ids of the organisations the caller belongs to");

        org.MapPost("/organizations", async Task<Ok<JsonObject>> (OrganizationRequest body, CurrentUser caller, OrganizationCreation creation, CancellationToken ct) =>
                TypedResults.Ok(await creation.CreateAsync(caller.Id, body, ct)))
            .WithName("create-organization")
            .ProducesError(Billing.BillingEndpoints.ProviderFailure) // the billing customer
            .WithSummary("Create an organisation {name, email, address, customer}: the caller becomes its administrator and its billing customer is created")
            .ProducesError(400);

        org.MapGet("/organizations/{orgID}", async Task<Ok<JsonObject>> ([FromRoute(Name = OrganizationAccess.RouteField)] string orgId, CurrentUser caller, OrganizationReads reads, CancellationToken ct) =>
                TypedResults.Ok(await reads.OneAsync(caller.Id, orgId, ct)))
            .WithName("get-organization")
            .ProducesError(Billing.BillingEndpoints.ProviderFailure) // the billing customer
            .WithSummary("One organisation, with its org_id; members only")
            .ProducesError(400);

        MapAdministration(org);
        InvitationEndpoints.Map(org);
    }

    /// <summary>Operations 12 and 26, roles and member removal.</summary>
    private static void MapAdministration(RouteGroupBuilder org)
    {
        org.MapPut("/organizations/{orgID}", async Task<Ok<JsonObject>> ([FromRoute(Name = OrganizationAccess.RouteField)] string orgId, OrganizationRequest body, CurrentUser caller, OrganizationUpdate update, CancellationToken ct) =>
                TypedResults.Ok(await update.UpdateAsync(caller.Id, orgId, body, ct)))
            .WithName("update-organization")
            .ProducesError(Billing.BillingEndpoints.ProviderFailure) // the billing customer
            .WithSummary("Update an organisation {name, email, address, customer} and its billing customer; administrators only")
            .ProducesError(400, 403);

        org.MapGet("/organizations/{orgID}/users", async Task<Ok<JsonArray>> ([FromRoute(Name = OrganizationAccess.RouteField)] string orgId, CurrentUser caller, MemberList list, CancellationToken ct) =>
                TypedResults.Ok(await list.ListAsync(caller.Id, orgId, ct)))
            .WithName("list-organization-users")
            .WithSummary("The members in order of joining (Username = u_id, Attributes, dates, Enabled, UserStatus, Role); members only")
            .ProducesError(400);

        org.MapPut("/organizations/{orgID}/users/{u_id}/role", async Task<Ok<JsonObject>> (
                [FromRoute(Name = OrganizationAccess.RouteField)] string orgId, [FromRoute(Name = MemberRoles.UserField)] string uId,
                RoleRequest body, CurrentUser caller, MemberRoles roles, CancellationToken ct) =>
                TypedResults.Ok(await roles.ChangeAsync(caller.Id, orgId, uId, body, ct)))
            .WithName("change-organization-role")
            .WithSummary("Make a member an administrator or a member {role: admin|member}; administrators only; one administrator always remains (409)")
            .ProducesError(400, 403, 409);

        org.MapDelete("/organizations/{orgID}/users/{u_id}", async Task<Ok<JsonObject>> (
                [FromRoute(Name = OrganizationAccess.RouteField)] string orgId, [FromRoute(Name = MemberRoles.UserField)] string uId,
                CurrentUser caller, MemberRemoval removal, CancellationToken ct) =>
                TypedResults.Ok(await removal.RemoveAsync(caller.Id, orgId, uId, ct)))
            .WithName("remove-organization-user")
            .WithSummary("Remove a member (administrators), or leave (one's own u_id); the last administrator stays (409)")
            .ProducesError(400, 403, 409);
    }
}
