using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Raytio.Server.Features.Audit;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Audit;

/// <summary>Reads are queued, not written on the request, and appear at the writer's next flush or when it stops.</summary>
public sealed class AuditReadTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task Reads_are_written_at_the_next_flush_not_before()
    {
        var reader = Guid.NewGuid();
        var subjects = new[] { Guid.NewGuid(), Guid.NewGuid() };
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<AuditTrail>().RecordReads(reader, subjects);
        }
        Assert.Empty(await app.EventsAboutAsync(subjects[0]));

        Assert.Equal(2, await app.FlushReadsAsync());

        foreach (var subject in subjects)
        {
            var read = Assert.Single(await app.EventsAboutAsync(subject));
            Assert.Equal((AuditEventTypes.ProfileRead, reader, "{}"), (read.EventType, read.UserId, read.EventJson.Replace(" ", "", StringComparison.Ordinal)));
        }
        Assert.Equal(0, await app.FlushReadsAsync());
    }

    [Fact]
    public async Task More_reads_than_a_batch_are_written_in_batches_in_one_flush()
    {
        var subject = Guid.NewGuid();
        var buffer = app.Services.GetRequiredService<AuditReadBuffer>();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<AuditTrail>().RecordReads(null, Enumerable.Repeat(subject, AuditReadBuffer.BatchSize + 20));
        }
        Assert.True(buffer.BatchReady.TryRead(out _), "a full batch wakes the writer");

        Assert.Equal(AuditReadBuffer.BatchSize + 20, await app.FlushReadsAsync());
        Assert.Equal(AuditReadBuffer.BatchSize + 20, (await app.EventsAboutAsync(subject)).Count);
    }

    [Fact]
    public async Task Stopping_the_writer_writes_what_is_queued()
    {
        var writer = ActivatorUtilities.CreateInstance<AuditReadWriter>(app.Services);
        await writer.StartAsync(CancellationToken.None);
        var subject = Guid.NewGuid();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<AuditTrail>().RecordReads(null, [subject]);
        }

        await writer.StopAsync(CancellationToken.None);
        writer.Dispose();

        Assert.Single(await app.EventsAboutAsync(subject));
    }

    [Fact]
    public void A_full_queue_drops_its_oldest_reads_and_counts_them()
    {
        var buffer = ActivatorUtilities.CreateInstance<AuditReadBuffer>(app.Services, Options.Create(new AuditOptions { MaxQueuedReads = 1_000 }));
        var subjects = Enumerable.Range(0, 1_005).Select(_ => Guid.NewGuid()).ToList();
        foreach (var subject in subjects)
        {
            buffer.Enqueue(new AuditEvent { EventType = AuditEventTypes.ProfileRead, SubjectId = subject });
        }

        Assert.Equal(1_000, buffer.Count);
        Assert.Equal(5, buffer.Dropped);
        Assert.Equal(subjects.Skip(5), buffer.Take(2_000).Select(e => e.SubjectId));
    }
}
