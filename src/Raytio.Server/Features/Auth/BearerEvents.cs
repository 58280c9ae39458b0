using Microsoft.AspNetCore.Authentication.JwtBearer;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Auth;

/// <summary>Bearer rules beyond signature and lifetime, and the error body of a failed challenge.</summary>
internal static class BearerEvents
{
    public static JwtBearerEvents Create() => new()
    {
        OnTokenValidated = context =>
        {
            // Only identity tokens are bearer credentials; access tokens travel in password-change bodies.
            if (context.Principal?.FindFirst(TokenClaims.TokenUse)?.Value != TokenClaims.IdentityUse)
            {
                context.Fail("Only an identity_token is accepted as bearer token.");
            }
            return Task.CompletedTask;
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
}
