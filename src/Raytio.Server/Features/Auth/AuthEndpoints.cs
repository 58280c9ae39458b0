using Microsoft.AspNetCore.Http.HttpResults;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Auth;

internal static class AuthEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var oauth = app.MapVersionedGroup("oauth");

        oauth.MapPost("/token", async Task<Ok<TokenResponse>> (TokenRequest body, LoginService login, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await login.GrantAsync(body, http, ct)))
            .WithName("token")
            .WithSummary("Password and refresh_token grants: identity_token, access_token, refresh_token")
            .ProducesError(400, 401, 403, 429, 503);

        oauth.MapPost("/signup", async Task<Ok<MessageResponse>> (SignupRequest body, AccountService accounts, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(new MessageResponse(await accounts.SignupAsync(body, http, ct))))
            .WithName("signup")
            .WithSummary("Create an unverified user and email a verification code")
            .ProducesError(400, 409, 429, 503);

        oauth.MapPost("/verify", async Task<Ok<MessageResponse>> (VerifyRequest body, AccountService accounts, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(new MessageResponse(await accounts.VerifyAsync(body, http, ct))))
            .WithName("verify")
            .WithSummary("Confirm the emailed verification code; a wrong code emails a new one")
            .ProducesError(400, 429);

        oauth.MapPost("/password-reset", async Task<Ok<MessageResponse>> (PasswordResetRequest body, AccountService accounts, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(new MessageResponse(await accounts.RequestPasswordResetAsync(body, http, ct))))
            .WithName("password-reset")
            .WithSummary("Email a reset code; password login is blocked until it is confirmed")
            .ProducesError(400, 429);

        oauth.MapPost("/password-confirm", async Task<Ok<MessageResponse>> (PasswordConfirmRequest body, AccountService accounts, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(new MessageResponse(await accounts.ConfirmPasswordResetAsync(body, http, ct))))
            .WithName("password-confirm")
            .WithSummary("Set a new password with the emailed reset code")
            .ProducesError(400, 429, 503);

        oauth.MapPost("/password-change", async Task<Ok<MessageResponse>> (PasswordChangeRequest body, LoginService login, CurrentUser caller, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(new MessageResponse(await login.ChangePasswordAsync(body, caller, http, ct))))
            .WithName("password-change")
            .WithSummary("Change the password with the access_token and the existing password")
            .ProducesError(400, 401, 429, 503);

        app.MapGet("/.well-known/jwks.json", async (TokenKeyRing keys, HttpContext http, CancellationToken ct) =>
            {
                http.Response.Headers.CacheControl = $"public, max-age={JwksDocument.MaxAge.TotalSeconds:0}";
                return TypedResults.Ok(JwksDocument.From(await keys.GetVerificationKeysAsync(ct)));
            })
            .WithTags("oauth")
            .WithName("jwks")
            .WithSummary("Public keys that verify issued tokens");
    }
}
