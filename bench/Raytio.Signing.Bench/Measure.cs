using System.Diagnostics;

namespace Raytio.Signing.Bench;

internal static class Measure
{
    /// <summary>Median rate (units per second) over timed runs of <paramref name="run"/>, after two warm-up runs.</summary>
    public static double MedianRate(double unitsPerRun, TimeSpan minDuration, Action run)
    {
        run();
        run();
        var rates = new List<double>();
        var total = Stopwatch.StartNew();
        while (rates.Count < 5 || total.Elapsed < minDuration)
        {
            var timer = Stopwatch.StartNew();
            run();
            rates.Add(unitsPerRun / timer.Elapsed.TotalSeconds);
        }
        rates.Sort();
        return rates[rates.Count / 2];
    }

    /// <summary>Operations per second of <paramref name="operation"/> run in a loop on each of <paramref name="threads"/> threads.</summary>
    public static double OperationsPerSecond(int threads, TimeSpan duration, Action operation)
    {
        operation();
        var counts = new long[threads];
        var timer = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, threads).Select(worker => new Thread(() =>
        {
            while (timer.Elapsed < duration)
            {
                operation();
                counts[worker]++;
            }
        })).ToList();
        workers.ForEach(thread => thread.Start());
        workers.ForEach(thread => thread.Join());
        return counts.Sum() / timer.Elapsed.TotalSeconds;
    }
}
