using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Raytio.Server.Hosting;

/// <summary>
/// The signed-in caller, taken from the validated identity token. A handler that declares a
/// <see cref="CurrentUser"/> parameter needs a user: the endpoint requires authorization, and a
/// token without a usable subject answers 401 before the handler runs.
/// </summary>
public sealed record CurrentUser(Guid Id) : IEndpointMetadataProvider
{
    public static ValueTask<CurrentUser?> BindAsync(HttpContext context) =>
        ValueTask.FromResult<CurrentUser?>(new CurrentUser(IdOf(context.User) ?? throw Unauthenticated()));

    /// <summary>The person's id; null for a token without one and for an application's own token (it acts for no person).</summary>
    public static Guid? IdOf(System.Security.Claims.ClaimsPrincipal principal) =>
        principal.FindFirst(ApplicationOrUser.ApplicationClaim) is null
        && Guid.TryParse(principal.FindFirst(JwtRegisteredClaimNames.Sub)?.Value, out var id) ? id : null;

    public static ApiException Unauthenticated() => ApiException.Unauthorized("unauthorized", "A valid bearer identity_token is required.");

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        builder.Metadata.Add(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute());
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status401Unauthorized, typeof(ApiErrorBody), ["application/json"]));
    }
}
