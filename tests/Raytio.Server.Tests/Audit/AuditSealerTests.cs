using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Features.Audit;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Audit;

/// <summary>One sealer at a time: the lease, its takeover after expiry, and sealers racing on one database.</summary>
public sealed class AuditSealerTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    private static readonly TimeSpan PastLease = new AuditOptions().SealerLeaseDuration + TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Another_replica_takes_the_lease_only_after_it_expires()
    {
        app.Time.Advance(PastLease); // whatever sealer an earlier test left holding the lease
        var first = app.NewSealer();
        var second = app.NewSealer();
        await app.RecordAsync(AuditEventTypes.Login, null, Guid.NewGuid());
        Assert.True(await first.SealOnceAsync(CancellationToken.None) >= 1);

        await app.RecordAsync(AuditEventTypes.Login, null, Guid.NewGuid());
        Assert.Equal(0, await second.SealOnceAsync(CancellationToken.None));
        Assert.Equal(1, await first.SealOnceAsync(CancellationToken.None));

        // The first replica stops renewing; once the lease has expired the second one seals.
        app.Time.Advance(PastLease);
        await app.RecordAsync(AuditEventTypes.Login, null, Guid.NewGuid());
        Assert.Equal(1, await second.SealOnceAsync(CancellationToken.None));
        await app.RecordAsync(AuditEventTypes.Login, null, Guid.NewGuid());
        Assert.Equal(0, await first.SealOnceAsync(CancellationToken.None));
        Assert.Equal(1, await second.SealOnceAsync(CancellationToken.None));
        Assert.Equal(0, (await app.VerifyAsync()).Exit);
    }

    /// <summary>
    /// Two sealers and a writer run at once while the clock jumps past the lease again and again,
    /// so the lease changes hands mid-run; the chain still has every event once, without gaps.
    /// </summary>
    [PostgresFact]
    public async Task Concurrent_sealers_never_duplicate_or_skip_a_sequence()
    {
        var sealers = new[] { app.NewSealer(), app.NewSealer() };
        using var writing = new CancellationTokenSource();
        var subject = Guid.NewGuid();
        var sealing = sealers.Select(sealer => Task.Run(async () =>
        {
            while (!writing.IsCancellationRequested)
            {
                await sealer.SealOnceAsync(CancellationToken.None);
            }
        })).ToList();

        for (var i = 0; i < 300; i++)
        {
            await app.RecordAsync(AuditEventTypes.ProfileUpdate, null, subject, new JsonObject { ["n"] = i });
            if (i % 40 == 39)
            {
                app.Time.Advance(PastLease);
            }
        }
        await writing.CancelAsync();
        await Task.WhenAll(sealing);
        app.Time.Advance(PastLease);
        await sealers[0].SealOnceAsync(CancellationToken.None);

        var sequences = await app.WithDbAsync(db => db.AuditEvents.OrderBy(e => e.SealSequence).Select(e => e.SealSequence).ToListAsync());
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(n => (long?)n), sequences);
        Assert.Equal(300, (await app.EventsAboutAsync(subject)).Count);
        var (exit, output) = await app.VerifyAsync();
        Assert.True(exit == 0, output);
    }
}
