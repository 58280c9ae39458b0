namespace Raytio.JsonCsv.Tests;

/// <summary>A random seed derived from text. string.GetHashCode is randomized per process; the inputs must be the same in every run.</summary>
public static class StableSeed
{
    public static int From(string text) => text.Aggregate(17, (hash, c) => unchecked((hash * 31) + c));
}
