using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Raytio.Server.Data;
using Raytio.Server.Features.Auth;
using Raytio.Server.Hosting;
using Raytio.Server.Tests.Infrastructure;
using TokenOptions = Raytio.Server.Features.Auth.TokenOptions;

namespace Raytio.Server.Tests.Auth;

public sealed class PasswordHashingTests
{
    [Fact]
    public async Task Production_default_is_pbkdf2_hmac_sha512_with_at_least_210000_iterations()
    {
        var service = new PasswordService(Options.Create(new TokenOptions()));
        var user = new User { Email = "a@example.com", PasswordHash = "" };
        var hash = await service.HashAsync(user, "correct horse battery", CancellationToken.None);

        Assert.True(PasswordHashFormat.Iterations(hash) >= 210_000);
        Assert.Equal(2, PasswordHashFormat.Prf(hash)); // KeyDerivationPrf.HMACSHA512
        user.PasswordHash = hash;
        Assert.Equal(PasswordVerificationResult.Success, await service.VerifyAsync(user, "correct horse battery", CancellationToken.None));
    }

    [Fact]
    public async Task At_most_one_hash_per_core_runs_and_a_caller_that_waits_too_long_gets_503()
    {
        var options = new TokenOptions();
        options.PasswordHashIterations = 1_000_000;
        options.PasswordHashQueueTimeout = TimeSpan.FromMilliseconds(50);
        var service = new PasswordService(Options.Create(options));
        var user = new User { Email = "a@example.com", PasswordHash = "" };

        // Dedicated threads, so every attempt starts at once whatever the thread pool is doing.
        var attempts = Enumerable.Range(0, Environment.ProcessorCount + 1)
            .Select(_ => Task.Factory.StartNew(() => service.HashAsync(user, "correct horse battery", CancellationToken.None),
                CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap())
            .ToList();
        var refused = await Assert.ThrowsAsync<ApiException>(async () => await Task.WhenAll(attempts));

        Assert.Equal((int)HttpStatusCode.ServiceUnavailable, refused.Status);
        Assert.Equal("server_busy", refused.Code);
        Assert.Equal(Environment.ProcessorCount, attempts.Count(a => a.IsCompletedSuccessfully));
    }
}
