using Microsoft.AspNetCore.Authentication.JwtBearer;
using Raytio.Server.Features.AccessApplications;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Auth;

/// <summary>Bearer rules beyond signature and lifetime, and the error body of a failed challenge.</summary>
internal static class BearerEvents
{
    /// <summary>
    /// OnTokenValidated runs after every successful validation, also when
    /// <see cref="CachingTokenHandler"/> answers from its cache, so the stamp is checked on every request.
    /// </summary>
    public static JwtBearerEvents Create(SecurityStampCache stamps, TokenKeyRing keys) => new()
    {
        // The key resolver is synchronous, so the key snapshot is brought up to date here, before validation.
        OnMessageReceived = context => keys.RefreshForAsync(BearerKid.Of(context.Request.Headers.Authorization), context.HttpContext.RequestAborted),
        OnTokenValidated = async context =>
        {
            var principal = context.Principal;
            var use = principal?.FindFirst(TokenClaims.TokenUse)?.Value;
            if (use == TokenClaims.ApplicationUse)
            {
                await ValidateApplicationTokenAsync(context);
                return;
            }
            // Only identity tokens (and applications' own tokens) are bearer credentials; access tokens travel in password-change bodies.
            if (principal is null || use != TokenClaims.IdentityUse)
            {
                context.Fail("Only an identity_token is accepted as bearer token.");
                return;
            }
            if (CurrentUser.IdOf(principal) is not { } userId
                || StampOf(principal) is not { } stamp
                || !await stamps.IsCurrentAsync(userId, stamp, context.HttpContext.RequestAborted))
            {
                context.Fail("The token was issued before the password changed or the account was disabled.");
            }
        },
        OnChallenge = async context =>
        {
            context.HandleResponse();
            context.Response.Headers.WWWAuthenticate = "Bearer";
            var message = context.AuthenticateFailure is null
                ? "A bearer identity_token is required."
                : "The bearer identity_token is invalid or has expired.";
            await ErrorResponses.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, new ApiErrorBody(message, "unauthorized"));
        },
    };

    /// <summary>An application's token stands while the application lives and its secret is the one the token was issued for.</summary>
    private static async Task ValidateApplicationTokenAsync(TokenValidatedContext context)
    {
        var principal = context.Principal!;
        var credentials = context.HttpContext.RequestServices.GetRequiredService<ApplicationCredentials>();
        if (!Guid.TryParse(principal.FindFirst(ApplicationOrUser.ApplicationClaim)?.Value, out var application)
            || principal.FindFirst(TokenClaims.SecurityStamp)?.Value is not { } stamp
            || !await credentials.IsTokenCurrentAsync(application, stamp, context.HttpContext.RequestAborted))
        {
            context.Fail("The application was deleted or its secret changed since the token was issued.");
        }
    }

    /// <summary>
    /// The token's stamp claim. Tokens issued before stamps existed have none and count as the
    /// initial (empty) stamp: they pass until the user's first change, and expire within the hour.
    /// </summary>
    private static Guid? StampOf(System.Security.Claims.ClaimsPrincipal principal) =>
        principal.FindFirst(TokenClaims.SecurityStamp)?.Value is not { } value ? Guid.Empty
        : Guid.TryParseExact(value, "N", out var stamp) ? stamp
        : null;
}
