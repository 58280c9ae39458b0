using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Raytio.Server.Features.Auth;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Auth;

/// <summary>A token key listed as compromised is deleted at start-up, not retired: its tokens fail at once.</summary>
public sealed class CompromisedKeyTests(CompromisedKeyTests.LeakedKeyFactory app) : IClassFixture<CompromisedKeyTests.LeakedKeyFactory>
{
    [Fact]
    public async Task A_compromised_signing_key_is_deleted_and_replaced_at_start_up()
    {
        var (_, _, tokens) = await app.CreateSignedInUserAsync();
        var subject = TokenForge.SubjectOf(tokens.IdentityToken);
        var now = app.Time.GetUtcNow().UtcDateTime;
        // The leaked key becomes the signing key, as it was in the committed database.
        await app.WithDbAsync(async db =>
        {
            await db.TokenSigningKeys.ExecuteUpdateAsync(s => s.SetProperty(k => k.RetiredAt, now));
            // Stored in plain text, as the committed database held it.
            db.TokenSigningKeys.Add(new TokenSigningKey { Kid = "row-kid-is-not-trusted", ProtectedPrivateKey = LeakedKeyFactory.Leaked.ExportPkcs8PrivateKeyPem(), CreatedAt = now, ActivatesAt = now });
            return await db.SaveChangesAsync();
        });
        var leakedKey = new RsaSecurityKey(LeakedKeyFactory.Leaked.ExportParameters(includePrivateParameters: true)) { KeyId = "row-kid-is-not-trusted" };

        var ring = app.Services.GetRequiredService<TokenKeyRing>();
        await ring.EnsureCurrentKeyAsync();

        var keys = await ring.ListAsync();
        Assert.DoesNotContain(keys, k => k.Kid == "row-kid-is-not-trusted");
        var signing = await ring.GetSigningKeyAsync();
        Assert.NotEqual(LeakedKeyFactory.Thumbprint, signing.Kid);
        var published = (await (await app.GetAsync("/.well-known/jwks.json")).AssertOkAsync()).GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString());
        Assert.DoesNotContain("row-kid-is-not-trusted", published);
        await (await app.GetAsync("/db/v1/preferences", TokenForge.IdentityToken(leakedKey, subject, now))).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await app.GetAsync("/db/v1/preferences", TokenForge.IdentityToken(signing.Key, subject, now))).AssertOkAsync();
    }

    public sealed class LeakedKeyFactory : RaytioFactory
    {
        public static readonly RSA Leaked = RSA.Create(2048);

        public static readonly string Thumbprint = Base64UrlEncoder.Encode(new RsaSecurityKey(Leaked.ExportParameters(false)).ComputeJwkThumbprint());

        protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings => [new("Raytio:Tokens:CompromisedKeys:0", Thumbprint)];
    }
}
