using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Raytio.Server.Data;
using Raytio.Server.Features.AccessApplications;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Auth;

/// <summary>Signs identity and access tokens (RS256 JWTs) for a user.</summary>
public sealed class TokenIssuer(TokenKeyRing keys, TimeProvider time, IOptions<TokenOptions> options)
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public async Task<(string IdentityToken, string AccessToken)> IssueJwtsAsync(User user, CancellationToken cancellationToken)
    {
        var signingKey = await keys.GetSigningKeyAsync(cancellationToken);
        var credentials = new SigningCredentials(signingKey.Key, TokenClaims.Algorithm);
        return (Create(user, TokenClaims.IdentityUse, credentials), Create(user, TokenClaims.AccessUse, credentials));
    }

    /// <summary>
    /// The bearer token of an application (client_credentials grant): subject and `a_id` are the
    /// application, and its stamp ties it to the current secret (<see cref="ClientSecrets.StampOf"/>).
    /// </summary>
    public async Task<string> IssueApplicationTokenAsync(AccessApplication application, CancellationToken cancellationToken)
    {
        var signingKey = await keys.GetSigningKeyAsync(cancellationToken);
        var settings = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + settings.IdentityTokenLifetime,
            SigningCredentials = new SigningCredentials(signingKey.Key, TokenClaims.Algorithm),
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = application.Id.ToString(),
                [ApplicationOrUser.ApplicationClaim] = application.Id.ToString(),
                [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
                [TokenClaims.TokenUse] = TokenClaims.ApplicationUse,
                [TokenClaims.SecurityStamp] = ClientSecrets.StampOf(application.ClientSecretHash!),
            },
        });
    }

    public int LifetimeSeconds => (int)options.Value.IdentityTokenLifetime.TotalSeconds;

    private string Create(User user, string tokenUse, SigningCredentials credentials)
    {
        var settings = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + settings.IdentityTokenLifetime,
            SigningCredentials = credentials,
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = user.Id.ToString(),
                [JwtRegisteredClaimNames.Email] = user.Email,
                [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
                [TokenClaims.TokenUse] = tokenUse,
                [TokenClaims.SecurityStamp] = user.SecurityStamp.ToString("N"),
            },
        };
        return Handler.CreateToken(descriptor);
    }

    /// <summary>Validation rules shared by the bearer handler and the password-change access_token check.</summary>
    public static TokenValidationParameters ValidationParameters(TokenOptions options, TokenKeyRing keys, TimeProvider time) => new()
    {
        ValidIssuer = options.Issuer,
        ValidAudience = options.Audience,
        ValidAlgorithms = [TokenClaims.Algorithm],
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        ValidateIssuerSigningKey = true,
        ClockSkew = options.ClockSkew,
        IssuerSigningKeyResolver = (_, _, kid, _) => keys.Resolve(kid),
        // Judged by the injected clock so that expiry is testable and matches issuance.
        LifetimeValidator = (notBefore, expires, _, _) =>
        {
            var now = time.GetUtcNow().UtcDateTime;
            return expires is { } end && now <= end + options.ClockSkew
                && (notBefore is not { } start || now >= start - options.ClockSkew);
        },
        NameClaimType = JwtRegisteredClaimNames.Sub,
    };
}
