using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Raytio.Server.Data;
using Raytio.Server.Features.AccessApplications;
using Raytio.Server.Features.Audit;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Auth;

/// <summary>The token grants (operation 1) and password change (operation 6).</summary>
public sealed class LoginService(
    RaytioDbContext db,
    PasswordService passwords,
    RefreshTokenService refreshTokens,
    TokenIssuer issuer,
    TokenKeyRing keys,
    ApplicationCredentials applications,
    SecurityStampCache stamps,
    Throttle throttle,
    TimeProvider time,
    AuditTrail audit,
    IOptions<TokenOptions> tokenOptions,
    IOptions<ThrottleOptions> throttleOptions)
{
    private static readonly JsonWebTokenHandler Handler = new();

    public Task<TokenResponse> GrantAsync(TokenRequest request, HttpContext http, CancellationToken cancellationToken) => request.GrantType switch
    {
        "password" => PasswordGrantAsync(request, http, cancellationToken),
        "refresh_token" => RefreshGrantAsync(request, cancellationToken),
        "client_credentials" => ClientCredentialsGrantAsync(request, http, cancellationToken),
        null or "" => throw ApiException.Invalid("grant_type", "'grant_type' is required: 'password', 'refresh_token' or 'client_credentials'."),
        _ => throw ApiException.Invalid("grant_type", $"'grant_type' must be 'password', 'refresh_token' or 'client_credentials', not '{request.GrantType}'."),
    };

    private async Task<TokenResponse> PasswordGrantAsync(TokenRequest request, HttpContext http, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        validation.Required("username", request.Username).Required("password", request.Password).ThrowIfAny();
        var username = Usernames.Normalize(request.Username!);
        var counters = FailureCounters.For("login", username, http, throttleOptions.Value);
        await throttle.EnsureAllowedAsync(counters, cancellationToken);

        var user = await db.Users.FirstOrDefaultAsync(u => u.Email == username, cancellationToken);
        var result = PasswordVerificationResult.Failed;
        if (user is null)
        {
            await passwords.VerifyAgainstDummyAsync(request.Password!, cancellationToken);
        }
        else
        {
            result = await passwords.VerifyAsync(user.PasswordHash, request.Password!, cancellationToken);
        }
        if (user is null || result == PasswordVerificationResult.Failed)
        {
            await throttle.RecordAsync(counters.Select(c => c.Key), cancellationToken);
            throw ApiException.Unauthorized("invalid_credentials", "Incorrect username or password.");
        }

        // Only someone who knows the password learns the account's state.
        if (user.Status == UserStatus.Unconfirmed)
        {
            throw ApiException.Forbidden("user_not_verified", $"User {user.Email} is not verified. Confirm the emailed verification code first.");
        }
        if (user.Status == UserStatus.ResetRequired)
        {
            throw ApiException.Forbidden("password_reset_required", $"A password reset is pending for {user.Email}. Confirm it with the emailed code first.");
        }
        DisabledAccounts.EnsureEnabled(user);
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = await passwords.HashAsync(request.Password!, cancellationToken);
            user.UpdatedAt = time.GetUtcNow().UtcDateTime;
        }

        await throttle.ResetAsync(FailureCounters.PairKey(counters), cancellationToken);
        var refresh = refreshTokens.StartFamily(user.Id);
        audit.Record(AuditEventTypes.Login, user.Id, user.Id, new JsonObject { ["grant_type"] = "password" });
        await db.SaveChangesAsync(cancellationToken);
        return await RespondAsync(user, refresh, cancellationToken);
    }

    /// <summary>
    /// An access application's back end signs in with its key and secret; throttled as passwords
    /// are (failures per client_id, per address and per pair), though the secret's 256 random bits
    /// make guessing hopeless, so a flood of attempts costs the server little.
    /// </summary>
    private async Task<TokenResponse> ClientCredentialsGrantAsync(TokenRequest request, HttpContext http, CancellationToken cancellationToken)
    {
        new Validation().Required("client_id", request.ClientId).Required("client_secret", request.ClientSecret).ThrowIfAny();
        var clientId = request.ClientId!.Trim();
        var counters = FailureCounters.For("client", clientId, http, throttleOptions.Value);
        await throttle.EnsureAllowedAsync(counters, cancellationToken);
        var application = await applications.VerifyAsync(clientId, request.ClientSecret!, cancellationToken);
        if (application is null)
        {
            await throttle.RecordAsync(counters.Select(c => c.Key), cancellationToken);
            throw ApiException.Unauthorized("invalid_client", "Incorrect client_id or client_secret.");
        }
        await throttle.ResetAsync(FailureCounters.PairKey(counters), cancellationToken);
        audit.Record(AuditEventTypes.Login, null, application.Id, new JsonObject { ["grant_type"] = "client_credentials" });
        await db.SaveChangesAsync(cancellationToken);
        var token = await issuer.IssueApplicationTokenAsync(application, cancellationToken);
        return new TokenResponse($"Access application {application.Id} has been authenticated.", token, null, token, "Bearer", issuer.LifetimeSeconds);
    }

    /// <summary>
    /// Not throttled: a refresh token has 256 random bits, so guessing is hopeless, and skipping
    /// the counters keeps the grant to one read and one write.
    /// </summary>
    private async Task<TokenResponse> RefreshGrantAsync(TokenRequest request, CancellationToken cancellationToken)
    {
        new Validation().Required("refresh_token", request.RefreshToken).ThrowIfAny();
        var redemption = await refreshTokens.RedeemAsync(request.RefreshToken!, cancellationToken);
        var user = redemption.User;
        if (user is null || user.Status != UserStatus.Confirmed || redemption.NewToken is null)
        {
            throw ApiException.Unauthorized("invalid_refresh_token", redemption.Outcome == RefreshTokenService.Outcome.Reused
                ? "The refresh token was already used; all sessions started from it have been revoked. Sign in again."
                : "The refresh token is invalid or has expired. Sign in again.");
        }
        return await RespondAsync(user, redemption.NewToken, cancellationToken);
    }

    public async Task<string> ChangePasswordAsync(PasswordChangeRequest request, CurrentUser caller, HttpContext http, CancellationToken cancellationToken)
    {
        var validation = new Validation().Required("access_token", request.AccessToken).Required("password_existing", request.PasswordExisting);
        var userId = caller.Id;
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken) ?? throw CurrentUser.Unauthenticated();
        PasswordService.CheckRules(validation, "password_new", request.PasswordNew, user.Email);
        validation.ThrowIfAny();

        await EnsureAccessTokenOfAsync(request.AccessToken!, userId);
        var counters = FailureCounters.For("login", user.Email, http, throttleOptions.Value);
        await throttle.EnsureAllowedAsync(counters, cancellationToken);
        if (await passwords.VerifyAsync(user.PasswordHash, request.PasswordExisting!, cancellationToken) == PasswordVerificationResult.Failed)
        {
            await throttle.RecordAsync(counters.Select(c => c.Key), cancellationToken);
            throw ApiException.Invalid("password_existing", "'password_existing' is not the current password.");
        }

        var passwordHash = await passwords.HashAsync(request.PasswordNew!, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        user.PasswordHash = passwordHash;
        user.UpdatedAt = time.GetUtcNow().UtcDateTime;
        user.SecurityStamp = Guid.NewGuid();
        audit.Record(AuditEventTypes.PasswordChange, user.Id, user.Id, new JsonObject { ["method"] = "change" });
        await db.SaveChangesAsync(cancellationToken);
        await refreshTokens.RevokeAllForUserAsync(user.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        stamps.Remember(user);
        return $"Password for {user.Email} has been changed.";
    }

    /// <summary>The body's access_token must be a valid access token of the same user as the bearer.</summary>
    private async Task EnsureAccessTokenOfAsync(string accessToken, Guid userId)
    {
        var parameters = TokenIssuer.ValidationParameters(tokenOptions.Value, keys, time);
        var result = await Handler.ValidateTokenAsync(accessToken, parameters);
        if (!result.IsValid
            || ClaimOf(result.Claims, TokenClaims.TokenUse) != TokenClaims.AccessUse
            || ClaimOf(result.Claims, JwtRegisteredClaimNames.Sub) != userId.ToString())
        {
            throw ApiException.Unauthorized("invalid_access_token", "'access_token' is not a valid access token of the signed-in user.");
        }
    }

    private static string? ClaimOf(IDictionary<string, object> claims, string name) =>
        claims.TryGetValue(name, out var value) ? value as string : null;

    private async Task<TokenResponse> RespondAsync(User user, string refreshToken, CancellationToken cancellationToken)
    {
        var (identity, access) = await issuer.IssueJwtsAsync(user, cancellationToken);
        return new TokenResponse($"{user.Email} has been authenticated.", identity, refreshToken, access, "Bearer", issuer.LifetimeSeconds);
    }
}
