using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Raytio.Server.Features.Auth;
using Raytio.Server.Features.Secrets;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Auth;

/// <summary>Emailed codes are stored as HMAC-SHA256 under a server secret, not as a plain hash a dump could be searched with.</summary>
public sealed class OneTimeCodeStorageTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task A_code_is_stored_as_an_hmac_under_the_server_secret()
    {
        var email = RaytioFactory.NewEmail();
        await (await app.PostJsonAsync("/oauth/v1/signup", new { username = email, password = "correct horse battery" })).AssertOkAsync();
        var code = await app.LatestCodeAsync(email);
        var stored = await StoredCodeAsync(email);

        var message = Encoding.UTF8.GetBytes($"{stored.UserId:N}:{CodePurpose.Signup}:{code}");
        var secret = await app.Services.GetRequiredService<ServerSecrets>().GetAsync("one-time-codes", CancellationToken.None);
        Assert.Equal(Convert.ToHexStringLower(HMACSHA256.HashData(secret, message)), stored.CodeHash);
        Assert.NotEqual(Convert.ToHexStringLower(SHA256.HashData(message)), stored.CodeHash);
    }

    [Fact]
    public async Task A_code_stored_by_an_earlier_version_no_longer_matches_and_a_new_one_is_sent()
    {
        var email = RaytioFactory.NewEmail();
        await (await app.PostJsonAsync("/oauth/v1/signup", new { username = email, password = "correct horse battery" })).AssertOkAsync();
        var code = await app.LatestCodeAsync(email);
        var stored = await StoredCodeAsync(email);
        var plainHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{stored.UserId:N}:{CodePurpose.Signup}:{code}")));
        await app.WithDbAsync(db => db.OneTimeCodes.Where(c => c.Id == stored.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.CodeHash, plainHash)));

        await (await app.PostJsonAsync("/oauth/v1/verify", new { username = email, verification_code = code })).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_code");
        await (await app.PostJsonAsync("/oauth/v1/verify", new { username = email, verification_code = await app.LatestCodeAsync(email) })).AssertOkAsync();
    }

    private Task<OneTimeCode> StoredCodeAsync(string email) => app.WithDbAsync(db =>
        db.OneTimeCodes.Join(db.Users.Where(u => u.Email == email), c => c.UserId, u => u.Id, (c, _) => c).AsNoTracking().SingleAsync());
}
