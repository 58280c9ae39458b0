using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Raytio.Server.Features.Auth;
using Raytio.Server.Features.Secrets;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Auth;

/// <summary>Token keys: protected at rest, published before they sign, found when another replica made them.</summary>
public sealed class TokenKeyRotationTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    private TokenKeyRing Ring => app.Services.GetRequiredService<TokenKeyRing>();

    [Fact]
    public async Task A_rotated_key_is_published_at_once_and_signs_only_after_the_jwks_cache_lifetime()
    {
        var (email, password, before) = await app.CreateSignedInUserAsync();
        var oldKid = (await Ring.GetSigningKeyAsync()).Kid;

        var created = await Ring.RotateAsync();

        var jwks = await app.GetAsync("/.well-known/jwks.json");
        Assert.Contains(created.Kid, await KidsOfAsync(jwks));
        var delay = created.ActivatesAt - created.CreatedAt;
        Assert.True(delay >= jwks.Headers.CacheControl!.MaxAge!.Value, $"published {delay} before signing");
        Assert.Equal(oldKid, KidOf((await app.LoginAsync(email, password)).IdentityToken));

        app.Time.Advance(delay - TimeSpan.FromSeconds(1));
        Assert.Equal(oldKid, KidOf((await app.LoginAsync(email, password)).IdentityToken));
        app.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(created.Kid, KidOf((await app.LoginAsync(email, password)).IdentityToken));
        // Tokens of the key that signed before keep working until they expire.
        await (await app.GetAsync("/db/v1/preferences", before.IdentityToken)).AssertOkAsync();
        Assert.Contains(oldKid, await KidsOfAsync(await app.GetAsync("/.well-known/jwks.json")));
    }

    [Fact]
    public async Task Keys_are_dropped_once_every_token_they_signed_has_expired()
    {
        var (_, _, tokens) = await app.CreateSignedInUserAsync();
        var old = await Ring.GetSigningKeyAsync();
        await Ring.RotateAsync();
        app.Time.Advance(TimeSpan.FromMinutes(10));
        var signing = await Ring.GetSigningKeyAsync();
        Assert.NotEqual(old.Kid, signing.Kid);

        // The old key retired when the new one took over; after the token lifetime the next rotation deletes it.
        app.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        await Ring.RotateAsync();

        Assert.DoesNotContain(await Ring.ListAsync(), k => k.Kid == old.Kid);
        var subject = TokenForge.SubjectOf(tokens.IdentityToken);
        var now = app.Time.GetUtcNow().UtcDateTime;
        await (await app.GetAsync("/db/v1/preferences", TokenForge.IdentityToken(old.Key, subject, now))).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await app.GetAsync("/db/v1/preferences", TokenForge.IdentityToken(signing.Key, subject, now))).AssertOkAsync();
    }

    [Fact]
    public async Task Start_up_makes_a_pending_key_when_the_newest_is_older_than_the_rotation_period()
    {
        app.Time.Advance(TimeSpan.FromDays(91));
        var signing = await Ring.GetSigningKeyAsync();

        await Ring.EnsureCurrentKeyAsync();

        var newest = (await Ring.ListAsync())[0];
        Assert.NotEqual(signing.Kid, newest.Kid);
        Assert.True(newest.ActivatesAt > app.Time.GetUtcNow().UtcDateTime);
        Assert.Equal(signing.Kid, (await Ring.GetSigningKeyAsync()).Kid);
    }

    [Fact]
    public async Task Private_keys_are_stored_protected()
    {
        var rows = await app.WithDbAsync(db => db.TokenSigningKeys.AsNoTracking().ToListAsync());

        Assert.NotEmpty(rows);
        var secrets = app.Services.GetRequiredService<SecretProtector>();
        foreach (var row in rows)
        {
            Assert.DoesNotContain("PRIVATE KEY", row.ProtectedPrivateKey, StringComparison.Ordinal);
            using var rsa = RSA.Create();
            rsa.ImportFromPem(secrets.Unprotect(TokenKeyRing.ProtectionPurpose, row.ProtectedPrivateKey));
            Assert.Equal(row.Kid, Thumbprint(rsa));
        }
    }

    [Fact]
    public async Task A_plain_text_key_of_an_earlier_version_keeps_verifying_and_is_protected_at_start_up()
    {
        var (_, _, tokens) = await app.CreateSignedInUserAsync();
        using var legacy = RSA.Create(2048);
        var legacyKey = await InsertKeyAsync(legacy, legacy.ExportPkcs8PrivateKeyPem());
        await Ring.ListAsync();
        var subject = TokenForge.SubjectOf(tokens.IdentityToken);
        await (await app.GetAsync("/db/v1/preferences", TokenForge.IdentityToken(legacyKey, subject, app.Time.GetUtcNow().UtcDateTime))).AssertOkAsync();

        await Ring.EnsureCurrentKeyAsync();

        var stored = await app.WithDbAsync(db => db.TokenSigningKeys.Where(k => k.Kid == legacyKey.KeyId).Select(k => k.ProtectedPrivateKey).SingleAsync());
        Assert.DoesNotContain("PRIVATE KEY", stored, StringComparison.Ordinal);
        Assert.Equal(legacy.ExportPkcs8PrivateKeyPem(), app.Services.GetRequiredService<SecretProtector>().Unprotect(TokenKeyRing.ProtectionPurpose, stored));
        await (await app.GetAsync("/db/v1/preferences", TokenForge.IdentityToken(legacyKey, subject, app.Time.GetUtcNow().UtcDateTime))).AssertOkAsync();
    }

    [Fact]
    public async Task An_unknown_kid_reloads_the_keys_at_most_every_five_seconds()
    {
        var (_, _, tokens) = await app.CreateSignedInUserAsync();
        var subject = TokenForge.SubjectOf(tokens.IdentityToken);
        var secrets = app.Services.GetRequiredService<SecretProtector>();
        app.Time.Advance(TimeSpan.FromSeconds(5));
        await Ring.ListAsync();

        // Keys another replica made: unknown to this host's fresh snapshot.
        using var first = RSA.Create(2048);
        var firstKey = await InsertKeyAsync(first, secrets.Protect(TokenKeyRing.ProtectionPurpose, first.ExportPkcs8PrivateKeyPem()));
        await (await app.GetAsync("/db/v1/preferences", TokenForge.IdentityToken(firstKey, subject, app.Time.GetUtcNow().UtcDateTime))).AssertOkAsync();

        using var second = RSA.Create(2048);
        var secondKey = await InsertKeyAsync(second, secrets.Protect(TokenKeyRing.ProtectionPurpose, second.ExportPkcs8PrivateKeyPem()));
        await (await app.GetAsync("/db/v1/preferences", TokenForge.IdentityToken(secondKey, subject, app.Time.GetUtcNow().UtcDateTime)))
            .AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        app.Time.Advance(TimeSpan.FromSeconds(5));
        await (await app.GetAsync("/db/v1/preferences", TokenForge.IdentityToken(secondKey, subject, app.Time.GetUtcNow().UtcDateTime))).AssertOkAsync();
    }

    /// <summary>A verification-only key (retired now), as another replica or an earlier version left it.</summary>
    private async Task<RsaSecurityKey> InsertKeyAsync(RSA rsa, string storedPrivateKey)
    {
        var kid = Thumbprint(rsa);
        var now = app.Time.GetUtcNow().UtcDateTime;
        await app.WithDbAsync(db =>
        {
            db.TokenSigningKeys.Add(new TokenSigningKey { Kid = kid, ProtectedPrivateKey = storedPrivateKey, CreatedAt = now, ActivatesAt = now, RetiredAt = now });
            return db.SaveChangesAsync();
        });
        return new RsaSecurityKey(rsa.ExportParameters(includePrivateParameters: true)) { KeyId = kid };
    }

    private static string Thumbprint(RSA rsa) => Base64UrlEncoder.Encode(new RsaSecurityKey(rsa.ExportParameters(false)).ComputeJwkThumbprint());

    private static string KidOf(string jwt) => new JsonWebToken(jwt).Kid;

    private static async Task<List<string?>> KidsOfAsync(HttpResponseMessage jwks) =>
        (await jwks.AssertOkAsync()).GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()).ToList();
}
