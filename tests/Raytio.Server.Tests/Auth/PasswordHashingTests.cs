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
            PasswordHashMemoryKiB = 1024,
            PasswordHashPasses = 1,
            PasswordHashQueueTimeout = TimeSpan.FromMilliseconds(50),
        }), Meters);

        // Every slot holds work that ends only when the test says so (a real hash could end while a
        // loaded machine delays the caller's 50 ms timer, and let it in): one more caller must be refused.
        using var release = new ManualResetEventSlim();
        using var started = new CountdownEvent(Environment.ProcessorCount);
        var holding = Enumerable.Range(0, Environment.ProcessorCount)
            .Select(_ => Task.Factory.StartNew(() => service.RunGatedAsync(() =>
            {
                started.Signal();
                release.Wait();
                return true;
            }, CancellationToken.None), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap())
            .ToList();
        started.Wait();

        var refused = await Assert.ThrowsAsync<ApiException>(() => service.HashAsync(Password, CancellationToken.None));
        release.Set();
        await Task.WhenAll(holding);

        Assert.Equal((int)HttpStatusCode.ServiceUnavailable, refused.Status);
        Assert.Equal("server_busy", refused.Code);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.RetryAfter);
        // The slots are free again: a hash runs.
        Assert.StartsWith("$argon2id$", await service.HashAsync(Password, CancellationToken.None));
    }
}
