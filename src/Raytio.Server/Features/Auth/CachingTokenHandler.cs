using System.Security.Claims;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Raytio.Server.Features.Auth;

/// <summary>
/// Remembers tokens that validated, so a client sending the same identity token on every request
/// pays the signature check and JSON parsing once. A hit is re-checked against the token's own
/// lifetime with the injected clock, and every caller gets its own copy of the identity.
/// </summary>
internal sealed class CachingTokenHandler(TimeProvider time, TimeSpan clockSkew) : JsonWebTokenHandler
{
    private const int MaximumEntries = 10_000;
    private static readonly TimeSpan MaximumAge = TimeSpan.FromMinutes(5);

    private readonly MemoryCache _validated = new(new MemoryCacheOptions { SizeLimit = MaximumEntries });

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (_validated.TryGetValue(token, out TokenValidationResult? hit) && hit is { ClaimsIdentity: { } identity, SecurityToken: { } known }
            && now <= known.ValidTo + clockSkew && now >= known.ValidFrom - clockSkew)
        {
            return new TokenValidationResult { IsValid = true, ClaimsIdentity = identity.Clone(), SecurityToken = known, Issuer = hit.Issuer };
        }

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.ClaimsIdentity is { } fresh)
        {
            _validated.Set(token, new TokenValidationResult { IsValid = true, ClaimsIdentity = fresh.Clone(), SecurityToken = result.SecurityToken, Issuer = result.Issuer },
                new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = MaximumAge });
        }
        return result;
    }
}
