using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Raytio.Server.Tests.Infrastructure;

/// <summary>Signs identity tokens with a key of the test's choosing, valid in every other respect.</summary>
public static class TokenForge
{
    public static string IdentityToken(SecurityKey key, string subject, DateTime now)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = "raytio",
            Audience = "raytio-api",
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(30),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
            Claims = new Dictionary<string, object> { ["sub"] = subject, ["token_use"] = "id", ["jti"] = Guid.NewGuid().ToString("N") },
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    public static string SubjectOf(string jwt) => new JsonWebToken(jwt).Subject;
}
