using Microsoft.Extensions.Options;
using Raytio.Server.Data;
using Raytio.Server.Features.Auth;
using Raytio.Server.Hosting;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Auth;

public sealed class PasswordHashingTests
{
    [Fact]
    public void Production_default_is_pbkdf2_hmac_sha512_with_at_least_210000_iterations()
    {
        var service = new PasswordService(Options.Create(new RaytioOptions()));
        var user = new User { Email = "a@example.com", PasswordHash = "" };
        var hash = service.Hash(user, "correct horse battery");

        Assert.True(PasswordHashFormat.Iterations(hash) >= 210_000);
        Assert.Equal(2, PasswordHashFormat.Prf(hash)); // KeyDerivationPrf.HMACSHA512
        user.PasswordHash = hash;
        Assert.Equal(Microsoft.AspNetCore.Identity.PasswordVerificationResult.Success, service.Verify(user, "correct horse battery"));
    }
}
