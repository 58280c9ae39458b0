using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Raytio.Server.Features.Organizations;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Domains;

/// <summary>Operations 16 and 17, and the public read of a domain's theme.</summary>
internal static class DomainsEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var org = app.MapVersionedGroup("org");

        org.MapGet("/organizations/{orgID}/domains/{domain}", async Task<Ok<JsonObject>> (
                [FromRoute(Name = OrganizationAccess.RouteField)] string orgId, string domain, CurrentUser caller, WhiteLabelDomains domains, CancellationToken ct) =>
                TypedResults.Ok(await domains.ReadAsync(caller.Id, orgId, domain, ct)))
            .WithName("get-domain")
            .WithSummary("A white-label domain's settings {name, theme, logo}; members of its organisation only")
            .ProducesError(400);

        org.MapPost("/organizations/{orgID}/domains/{domain}", async Task<Ok<JsonObject>> (
                [FromRoute(Name = OrganizationAccess.RouteField)] string orgId, string domain, DomainRequest body, CurrentUser caller, WhiteLabelDomains domains, CancellationToken ct) =>
                TypedResults.Ok(await domains.SetAsync(caller.Id, orgId, domain, body, ct)))
            .WithName("set-domain")
            .WithSummary("Create or replace a white-label domain's settings {name, theme, logo}; administrators only; a domain belongs to one organisation")
            .ProducesError(403, 404, 409);

        org.MapGet("/public/domains/{domain}", async Task<Ok<JsonObject>> (string domain, WhiteLabelDomains domains, CancellationToken ct) =>
                TypedResults.Ok(await domains.ReadPublicAsync(domain, ct)))
            .WithName("get-public-domain")
            .WithSummary("A white-label domain's public theme {name, theme, logo}, for the pages shown before login")
            .ProducesError(400);
    }
}
