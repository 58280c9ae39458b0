using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Raytio.Server.Hosting;

/// <summary>
/// The caller of an operation an access application may also call for itself (docs/SHARING.md:
/// 73, 75, 77, 78, 83-85): a signed-in person (<see cref="UserId"/>), or the application through
/// a client_credentials token (<see cref="ApplicationId"/>), which carries the
/// <see cref="ApplicationClaim"/> claim. Every other operation refuses application tokens
/// (<see cref="CurrentUser.IdOf"/> finds no person in them).
/// </summary>
public sealed record ApplicationOrUser(Guid? UserId, Guid? ApplicationId) : IEndpointMetadataProvider
{
    /// <summary>The claim of an application's own token: its a_id.</summary>
    public const string ApplicationClaim = "a_id";

    public static ValueTask<ApplicationOrUser?> BindAsync(HttpContext context)
    {
        if (Guid.TryParse(context.User.FindFirst(ApplicationClaim)?.Value, out var application))
        {
            return ValueTask.FromResult<ApplicationOrUser?>(new ApplicationOrUser(null, application));
        }
        return ValueTask.FromResult<ApplicationOrUser?>(new ApplicationOrUser(CurrentUser.IdOf(context.User) ?? throw CurrentUser.Unauthenticated(), null));
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => CurrentUser.PopulateMetadata(method, builder);
}
