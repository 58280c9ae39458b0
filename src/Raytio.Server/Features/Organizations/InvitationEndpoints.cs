using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Organizations;

/// <summary>Operation 18 and the invitation additions (accept, revoke), on the organisations' route group.</summary>
internal static class InvitationEndpoints
{
    public static void Map(RouteGroupBuilder org)
    {
        org.MapPost("/organizations/{orgID}/invites", async Task<Ok<JsonObject>> ([FromRoute(Name = OrganizationAccess.RouteField)] string orgId, InviteRequest body, CurrentUser caller, Invitations invitations, CancellationToken ct) =>
                TypedResults.Ok(await invitations.InviteAsync(caller.Id, orgId, body, ct)))
            .WithName("invite-organization-user")
            .WithSummary("Invite an address {email, role?} by emailing it a code; replaces the address's pending invitation; administrators only")
            .ProducesError(400, 403, 409);

        org.MapPost("/organizations/{orgID}/invites/accept", async Task<Ok<JsonObject>> ([FromRoute(Name = OrganizationAccess.RouteField)] string orgId, AcceptInviteRequest body, CurrentUser caller, Invitations invitations, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await invitations.AcceptAsync(caller.Id, orgId, body, http, ct)))
            .WithName("accept-organization-invite")
            .WithSummary("Join the organisation with an invitation's emailed code {code}; the caller's email must be the invited one")
            .ProducesError(400, 403, 429);

        org.MapDelete("/organizations/{orgID}/invites/{invite_id}", async Task<Ok<JsonObject>> ([FromRoute(Name = OrganizationAccess.RouteField)] string orgId, [FromRoute(Name = Invitations.InviteIdField)] string inviteId, CurrentUser caller, Invitations invitations, CancellationToken ct) =>
                TypedResults.Ok(await invitations.RevokeAsync(caller.Id, orgId, inviteId, ct)))
            .WithName("revoke-organization-invite")
            .WithSummary("Revoke a pending invitation; administrators only")
            .ProducesError(400, 403);
    }
}
