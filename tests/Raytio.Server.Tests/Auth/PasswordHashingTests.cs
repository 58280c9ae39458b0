using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Raytio.Server.Features.Auth;
using Raytio.Server.Hosting;
using TokenOptions = Raytio.Server.Features.Auth.TokenOptions;

namespace Raytio.Server.Tests.Auth;

public sealed class PasswordHashingTests
{
    private const string Password = "correct horse battery";

    private static readonly IMeterFactory Meters = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();

    [Fact]
    public async Task Production_default_is_argon2id_at_owasp_parameters()
    {
        var service = new PasswordService(Options.Create(new TokenOptions()), Meters);
        var hash = await service.HashAsync(Password, CancellationToken.None);

        Assert.StartsWith("$argon2id$v=19$m=19456,t=2,p=1$", hash);
        Assert.Equal(PasswordVerificationResult.Success, await service.VerifyAsync(hash, Password, CancellationToken.None));
        Assert.Equal(PasswordVerificationResult.Failed, await service.VerifyAsync(hash, Password + "!", CancellationToken.None));
    }

    [Fact]
    public async Task A_pbkdf2_hash_of_earlier_versions_verifies_and_asks_for_a_rehash()
    {
        var service = new PasswordService(Options.Create(new TokenOptions { PasswordHashMemoryKiB = 1024, PasswordHashPasses = 1 }), Meters);
        var legacy = new PasswordHasher<User>(Options.Create(new PasswordHasherOptions { IterationCount = 1000 })).HashPassword(null!, Password);

        Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, await service.VerifyAsync(legacy, Password, CancellationToken.None));
        Assert.Equal(PasswordVerificationResult.Failed, await service.VerifyAsync(legacy, "wrong password", CancellationToken.None));
    }

    [Fact]
    public async Task An_argon2id_hash_at_other_parameters_asks_for_a_rehash()
    {
        var cheap = new PasswordService(Options.Create(new TokenOptions { PasswordHashMemoryKiB = 1024, PasswordHashPasses = 1 }), Meters);
        var dearer = new PasswordService(Options.Create(new TokenOptions { PasswordHashMemoryKiB = 2048, PasswordHashPasses = 1 }), Meters);
        var hash = await cheap.HashAsync(Password, CancellationToken.None);

        Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, await dearer.VerifyAsync(hash, Password, CancellationToken.None));
        Assert.Equal(PasswordVerificationResult.Failed, await dearer.VerifyAsync(hash, "wrong password", CancellationToken.None));
    }

    [Fact]
    public async Task At_most_one_hash_per_core_runs_and_a_caller_that_waits_too_long_gets_503()
    {
        var service = new PasswordService(Options.Create(new TokenOptions
        {
            PasswordHashMemoryKiB = 524_288,
            PasswordHashPasses = 3,
            PasswordHashQueueTimeout = TimeSpan.FromMilliseconds(50),
        }), Meters);

        // Dedicated threads, so every attempt starts at once whatever the thread pool is doing;
        // each hash takes seconds, far longer than the 50 ms the extra caller may wait.
        var attempts = Enumerable.Range(0, Environment.ProcessorCount + 1)
            .Select(_ => Task.Factory.StartNew(() => service.HashAsync(Password, CancellationToken.None),
                CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap())
            .ToList();
        var refused = await Assert.ThrowsAsync<ApiException>(async () => await Task.WhenAll(attempts));

        Assert.Equal((int)HttpStatusCode.ServiceUnavailable, refused.Status);
        Assert.Equal("server_busy", refused.Code);
        Assert.Equal(Environment.ProcessorCount, attempts.Count(a => a.IsCompletedSuccessfully));
    }
}
