using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Raytio.Server.Features.Organizations;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.ApplicationRequests;

/// <summary>Operations 13, 14 and 15.</summary>
internal static class ApplicationRequestsEndpoints
{
    private const string Path = "/organizations/{orgID}/application_requests";

    public static void Map(IEndpointRouteBuilder app)
    {
        var org = app.MapVersionedGroup("org");

        org.MapPost(Path, async Task<Ok<ApplicationRequestAnswer>> (
                    [FromRoute(Name = OrganizationAccess.RouteField)] string orgId, ApplicationRequestBody body, CurrentUser caller,
                    ApplicationRequestCreation creation, CancellationToken ct) =>
                TypedResults.Ok(await creation.CreateAsync(caller.Id, orgId, body, ct)))
            .WithName("create-application-request")
            .WithSummary("Ask a person, by email, to complete an access application {email, page_link, source, a_id, aa_name}; members only")
            .ProducesError(400, 404);

        org.MapGet(Path, async Task<Ok<List<ApplicationRequestAnswer>>> (
                    [FromRoute(Name = OrganizationAccess.RouteField)] string orgId, CurrentUser caller, ApplicationRequestList list,
                    [FromQuery(Name = "limit")] string? limit, [FromQuery(Name = "starting_after")] string? startingAfter, CancellationToken ct) =>
                TypedResults.Ok(await list.ListAsync(caller.Id, orgId, limit, startingAfter, ct)))
            .WithName("list-application-requests")
            .WithSummary("The organisation's live application requests, newest first; paged with limit (1-100, default 50) and starting_after")
            .ProducesError(400, 404);

        org.MapPatch(Path + "/{short_code}", async Task<Ok<ApplicationRequestAnswer>> (
                    [FromRoute(Name = OrganizationAccess.RouteField)] string orgId, [FromRoute(Name = "short_code")] string shortCode,
                    ApplicationRequestBody body, CurrentUser caller, ApplicationRequestChanges changes, CancellationToken ct) =>
                TypedResults.Ok(await changes.PatchAsync(caller.Id, orgId, shortCode, body, ct)))
            .WithName("update-application-request")
            .WithSummary("Change a request; state 'resend' emails it again, 'deleted' removes it; members only")
            .ProducesError(400, 404, 409);
    }
}
