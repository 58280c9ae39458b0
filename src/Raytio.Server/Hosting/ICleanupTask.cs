namespace Raytio.Server.Hosting;

/// <summary>
/// Removes an area's rows that have served their purpose (expired codes, ended windows, ...).
/// Every replica runs it every Raytio:Cleanup:Interval, so it must be idempotent and set-based:
/// one delete by condition per table, never read-then-delete.
/// </summary>
public interface ICleanupTask
{
    /// <returns>How many rows were removed.</returns>
    Task<int> RunAsync(DateTime now, CancellationToken cancellationToken);
}
