using System.ComponentModel.DataAnnotations;

namespace Raytio.Server.Features.Audit;

/// <summary>Settings under Raytio:Audit: how often reads are written and the chain is sealed.</summary>
public sealed class AuditOptions
{
    public const string Section = "Raytio:Audit";

    /// <summary>Longest time a queued read event waits before it is written (the crash window of reads).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:01")]
    public TimeSpan ReadFlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Time between two sealing passes of the replica holding the sealer lease.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:01")]
    public TimeSpan SealInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long the sealer lease lasts without renewal: another replica takes over this long after
    /// the holder stops. At least twice the longest SealInterval, so a live holder always renews in time.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:02", "00:10:00")]
    public TimeSpan SealerLeaseDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Read events queued on one replica beyond this (the database is unreachable) drop the oldest.</summary>
    [Range(1_000, 10_000_000)]
    public int MaxQueuedReads { get; set; } = 100_000;
}
