namespace Raytio.Server.Providers.Nzbn.Sandbox;

/// <summary>
/// SplitMix64: a tiny generator whose sequence is fixed by its seed on every platform and
/// runtime version (System.Random's seeded sequence is not promised to stay the same), so the
/// Sandbox dataset is the same everywhere.
/// </summary>
public sealed class SeededRandom(ulong seed)
{
    private ulong _state = seed;

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A number in [min, max).</summary>
    public int Next(int min, int max) => min + (int)(NextUInt64() % (ulong)(max - min));

    /// <summary>True with the given chance (0 to 1).</summary>
    public bool Chance(double probability) => NextUInt64() % 1_000_000 < probability * 1_000_000;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(0, items.Count)];

    /// <summary>A day in [from, to).</summary>
    public DateTime Day(DateTime from, DateTime to) => from.AddDays(Next(0, Math.Max(1, (int)(to - from).TotalDays)));
}
