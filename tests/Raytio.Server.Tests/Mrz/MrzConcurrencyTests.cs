using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Raytio.Server.Features.Mrz;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Mrz;

/// <summary>The bound on MRZ reads at once: beyond it a request waits its queue timeout, then 503 with Retry-After.</summary>
public sealed class MrzConcurrencyTests(MrzConcurrencyTests.OneSlotFactory app) : IClassFixture<MrzConcurrencyTests.OneSlotFactory>
{
    [Fact]
    public async Task Refuses_a_read_while_every_slot_is_taken_and_serves_it_once_one_frees()
    {
        var user = await GraphUser.CreateAsync(app);
        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var holding = app.Services.GetRequiredService<MrzReadGate>().RunAsync(() => release.Task, CancellationToken.None);

        var refused = await app.PostAsync(MrzUploads.Body(MrzUploads.Blank(), "image/png"), user.Bearer);
        release.SetResult(0);
        await holding;
        var served = await app.PostAsync(MrzUploads.Body(MrzUploads.Blank(), "image/png"), user.Bearer);

        await refused.AssertErrorAsync(HttpStatusCode.ServiceUnavailable, "server_busy");
        Assert.Equal(TimeSpan.FromSeconds(2), refused.Headers.RetryAfter?.Delta);
        await served.AssertErrorAsync(HttpStatusCode.UnprocessableEntity, "mrz_not_found");
    }

    [Fact]
    public async Task A_waiting_read_takes_the_slot_freed_within_its_queue_timeout()
    {
        var user = await GraphUser.CreateAsync(app);
        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var holding = app.Services.GetRequiredService<MrzReadGate>().RunAsync(() => release.Task, CancellationToken.None);

        var waiting = app.PostAsync(MrzUploads.Body(MrzUploads.Blank(), "image/png"), user.Bearer);
        await Task.Delay(100);
        release.SetResult(0);
        await holding;

        await (await waiting).AssertErrorAsync(HttpStatusCode.UnprocessableEntity, "mrz_not_found");
    }

    [Fact]
    public void Defaults_to_one_read_per_processor()
    {
        Assert.Equal(Environment.ProcessorCount, new MrzOptions().MaxConcurrentReads);
    }

    /// <summary>One read at a time, a queue timeout long enough for the second test's release and short for the first's refusal.</summary>
    public sealed class OneSlotFactory : RaytioFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
        [
            new("Raytio:Mrz:MaxConcurrentReads", "1"),
            new("Raytio:Mrz:QueueTimeout", "00:00:01"),
        ];
    }
}
