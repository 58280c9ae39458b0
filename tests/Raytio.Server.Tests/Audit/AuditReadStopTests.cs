using Microsoft.Extensions.DependencyInjection;
using Raytio.Server.Features.Audit;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Audit;

/// <summary>
/// Once the server is stopping, the background flush starts no new batch (requests still queueing
/// reads could otherwise keep it draining past the shutdown), and the final flush writes them all.
/// </summary>
public sealed class AuditReadStopTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task A_stopping_flush_leaves_the_queue_to_the_final_flush()
    {
        var writer = ActivatorUtilities.CreateInstance<AuditReadWriter>(app.Services);
        var subject = Guid.NewGuid();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<AuditTrail>().RecordReads(null, Enumerable.Repeat(subject, AuditReadBuffer.BatchSize + 3));
        }

        Assert.Equal(0, await writer.FlushOnceAsync(CancellationToken.None, new CancellationToken(canceled: true)));
        Assert.Empty(await app.EventsAboutAsync(subject));

        Assert.Equal(AuditReadBuffer.BatchSize + 3, await writer.FlushOnceAsync(CancellationToken.None));
        Assert.Equal(AuditReadBuffer.BatchSize + 3, (await app.EventsAboutAsync(subject)).Count);
    }
}
