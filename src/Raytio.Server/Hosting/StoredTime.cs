namespace Raytio.Server.Hosting;

/// <summary>Times as the databases keep them.</summary>
public static class StoredTime
{
    /// <summary>Now, truncated to microseconds as PostgreSQL stores it, so both engines keep and answer the same time.</summary>
    public static DateTime UtcNowInMicroseconds(this TimeProvider time)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }
}
