namespace Raytio.JsonCsv.Bench;

/// <summary>One conversion run: wall time and peak memory of the process that did it.</summary>
internal sealed record Measurement(double Seconds, long PeakRssBytes, long? AllocatedBytes, string? Error = null);
