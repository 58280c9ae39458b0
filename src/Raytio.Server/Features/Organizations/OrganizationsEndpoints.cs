using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Organizations;

/// <summary>Operations 7, 8, 11 and 12, and the membership additions (roles, removal).</summary>
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
            .WithSummary("Create an organisation {name, email, address, customer}: the caller becomes its administrator and its billing customer is created")
            .ProducesError(400);

        org.MapGet("/organizations/{orgID}", async Task<Ok<JsonObject>> ([FromRoute(Name = OrganizationAccess.RouteField)] string orgId, CurrentUser caller, OrganizationReads reads, CancellationToken ct) =>
                TypedResults.Ok(await reads.OneAsync(caller.Id, orgId, ct)))
            .WithName("get-organization")
            .WithSummary("One organisation, with its org_id; members only")
            .ProducesError(400);

        InvitationEndpoints.Map(org);
    }
}
