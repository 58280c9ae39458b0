using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
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
    }
}
