using System.Diagnostics;

namespace Raytio.Clarity.Diagnostics;

/// <summary>
/// Milliseconds spent in each named stage of one extraction (decode, resize, median, deskew,
/// OCR, crops, ...), added up when a stage runs more than once. The benchmark reads them to say
/// where the time goes; extraction records them whether or not anyone reads them (a stopwatch
/// read per stage costs nothing next to image work).
/// </summary>
public sealed class StageTimings
{
    private readonly Dictionary<string, double> _milliseconds = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, double> Milliseconds => _milliseconds;

    public T Time<T>(string stage, Func<T> work)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return work();
        }
        finally
        {
            Add(stage, started);
        }
    }

    public void Time(string stage, Action work) => Time(stage, () =>
    {
        work();
        return true;
    });

    public async Task<T> TimeAsync<T>(string stage, Func<Task<T>> work)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await work();
        }
        finally
        {
            Add(stage, started);
        }
    }

    private void Add(string stage, long started)
    {
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        _milliseconds[stage] = _milliseconds.GetValueOrDefault(stage) + elapsed;
    }
}
