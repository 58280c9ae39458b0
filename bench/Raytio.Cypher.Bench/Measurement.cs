using System.Diagnostics;

namespace Raytio.Cypher.Bench;

/// <summary>
/// Times several ways of answering one query, alternately (one call of each per round) so that
/// other load on the shared machine falls on all of them alike: two warm-up rounds, then rounds
/// until every way has run for <c>minimum</c> time and rounds.
/// </summary>
internal static class Measurement
{
    private const int MaximumRounds = 500;

    /// <summary>The minimum time is for the first three ways (operation 64, compiled SQL, hand SQL); the others are its parts.</summary>
    public static async Task<double[][]> AlternateAsync(IReadOnlyList<Func<Task>> ways, TimeSpan minimum, int minimumRounds)
    {
        for (var warmUp = 0; warmUp < 2; warmUp++)
        {
            foreach (var way in ways)
            {
                await way();
            }
        }
        var times = ways.Select(_ => new List<double>()).ToArray();
        var clock = Stopwatch.StartNew();
        while (times[0].Count < MaximumRounds && (times[0].Count < minimumRounds || clock.Elapsed < minimum * Math.Min(3, ways.Count)))
        {
            for (var i = 0; i < ways.Count; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await ways[i]();
                times[i].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
        return [.. times.Select(t => t.ToArray())];
    }

    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
