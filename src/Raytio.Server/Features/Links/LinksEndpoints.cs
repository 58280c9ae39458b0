using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Raytio.Server.Features.Organizations;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Links;

/// <summary>The /l/ redirect (not versioned: it is the address people receive) and operations 9, 10, 31.</summary>
internal static class LinksEndpoints
{
    public const string IdField = "short_link_id";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/l/{short_link_id}", async Task<RedirectHttpResult> ([FromRoute(Name = IdField)] string id, ShortLinkLookup links, CancellationToken ct) =>
                TypedResults.Redirect(RedirectLocation.Of(await links.UrlAsync(id, ct))))
            .WithTags("links").WithName("follow-short-link")
            .WithSummary("302 to the short link's URL; 404 link_not_found when unknown or expired")
            .Produces(StatusCodes.Status302Found)
            .ProducesError(404);

        var org = app.MapVersionedGroup("org");

        org.MapPost("/links", async Task<Ok<JsonObject>> (ShortLinkRequest body, CurrentUser caller, LinkCreation creation, CancellationToken ct) =>
                TypedResults.Ok(await creation.CreateAsync(caller.Id, body, ct)))
            .WithName("create-short-link")
            .WithSummary("A short link to an http(s) URL: without persist at most 2048 characters and expiring (Raytio:Links:ExpiresAfter); with persist kept, up to Raytio:Links:MaxPersistedUrlLength")
            .ProducesError(400);

        org.MapGet("/links/{short_link_id}", async Task<Ok<JsonObject>> ([FromRoute(Name = IdField)] string id, ShortLinkLookup links, CancellationToken ct) =>
            {
                var link = await links.LinkAsync(id, ct);
                return TypedResults.Ok(LinkAnswers.Of(id, link.Url, link.Persist));
            })
            .WithName("get-short-link")
            .WithSummary("A short link {persist, url, short_link_id}; 404 link_not_found when unknown or expired");

        org.MapPost("/organizations/{orgID}/links", async Task<Ok<JsonObject>> ([FromRoute(Name = OrganizationAccess.RouteField)] string orgId, OrganizationLinkRequest body,
                CurrentUser caller, LinkCreation creation, CancellationToken ct) =>
                TypedResults.Ok(await creation.CreateForOrganizationAsync(caller.Id, orgId, body, ct)))
            .WithName("create-organization-link")
            .WithSummary("A kept short link of the organisation {url, description}; members and administrators; answers the organisation with all its links")
            .ProducesError(400);
    }
}
