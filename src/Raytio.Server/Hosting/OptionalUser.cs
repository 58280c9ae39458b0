namespace Raytio.Server.Hosting;

/// <summary>
/// The caller of an endpoint that also answers anonymously (with less: PUBLIC data only).
/// <see cref="Id"/> is null without a token; a token that is present but not valid answers 401
/// instead of being read as anonymous, so a client never mistakes an expired token for less data.
/// </summary>
public sealed record OptionalUser(Guid? Id)
{
    public static ValueTask<OptionalUser?> BindAsync(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            return ValueTask.FromResult<OptionalUser?>(new OptionalUser(CurrentUser.IdOf(context.User) ?? throw CurrentUser.Unauthenticated()));
        }
        if (context.Request.Headers.Authorization.Count > 0)
        {
            throw CurrentUser.Unauthenticated();
        }
        return ValueTask.FromResult<OptionalUser?>(new OptionalUser((Guid?)null));
    }
}
