using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Scopes;

/// <summary>Operations 86-88.</summary>
internal static class ScopesEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var share = app.MapVersionedGroup("share");

        share.MapGet("/scopes", async Task<Ok<ResourceServerAnswer>> (
                    [FromQuery(Name = "resource_server_id")] string? serverId, [FromQuery(Name = "resource_server_name")] string? serverName,
                    CurrentUser caller, ResourceServers servers, CancellationToken ct) =>
                TypedResults.Ok(await servers.ReadAsync(serverId, serverName, ct)))
            .WithName("list-scopes")
            .WithSummary("The scopes of one resource server, named by resource_server_id or resource_server_name")
            .ProducesError(400, 404);

        share.MapPut("/scopes", async Task<Ok<ResourceServerAnswer>> (ResourceServerBody body, CurrentUser caller, ResourceServers servers, CancellationToken ct) =>
                TypedResults.Ok(await servers.PutAsync(caller.Id, body, ct)))
            .WithName("set-scopes")
            .WithSummary("Create a resource server or replace its name and scopes; installation administrators only")
            .ProducesError(400, 403);

        share.MapGet("/resource_servers", async Task<Ok<ResourceServersAnswer>> (CurrentUser caller, ResourceServers servers, CancellationToken ct) =>
                TypedResults.Ok(await servers.ListAsync(ct)))
            .WithName("list-resource-servers")
            .WithSummary("Every resource server with its scopes");
    }
}
