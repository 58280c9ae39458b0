using Raytio.Clarity.Ocr;

namespace Raytio.Clarity.Tests.Ocr;

public class TesseractReadingSlotsTests
{
    [Fact]
    public async Task No_more_readings_than_the_slots_run_at_once_and_the_rest_wait_their_turn()
    {
        // Enough pool threads that, without the slots, every reading below would start at once.
        ThreadPool.GetMinThreads(out var workers, out var completion);
        ThreadPool.SetMinThreads(Math.Max(workers, TesseractReadingSlots.Count + 8), completion);
        try
        {
            await SlotsHeldAsync();
        }
        finally
        {
            ThreadPool.SetMinThreads(workers, completion);
        }
    }

    private static async Task SlotsHeldAsync()
    {
        using var release = new ManualResetEventSlim();
        var running = 0;
        var most = 0;
        var readings = Enumerable.Range(0, TesseractReadingSlots.Count + 3).Select(i => TesseractReadingSlots.RunAsync(() =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref most, now);
            release.Wait(TimeSpan.FromSeconds(10));
            Interlocked.Decrement(ref running);
            return i;
        }, CancellationToken.None)).ToList();

        // Every slot taken (other test classes read at the same time: as long as it takes), then a
        // moment in which a reading past the slots would start.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (Volatile.Read(ref running) < TesseractReadingSlots.Count && DateTime.UtcNow < deadline)
            await Task.Delay(10);
        await Task.Delay(200);
        Assert.InRange(Volatile.Read(ref most), 1, TesseractReadingSlots.Count);
        release.Set();

        Assert.Equal(Enumerable.Range(0, readings.Count), await Task.WhenAll(readings));
    }

    [Fact]
    public async Task A_reading_cancelled_while_it_waits_never_runs()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => TesseractReadingSlots.RunAsync<int>(() => throw new InvalidOperationException("ran"), cancelled.Token));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
