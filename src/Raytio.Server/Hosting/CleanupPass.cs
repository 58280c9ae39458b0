namespace Raytio.Server.Hosting;

/// <summary>One cleanup pass: every area's <see cref="ICleanupTask"/>, at one moment.</summary>
public sealed partial class CleanupPass(IServiceScopeFactory scopes, TimeProvider time, ILogger<CleanupPass> logger)
{
    /// <returns>How many rows were removed.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var now = time.GetUtcNow().UtcDateTime;
        var removed = 0;
        foreach (var task in scope.ServiceProvider.GetServices<ICleanupTask>())
        {
            removed += await task.RunAsync(now, cancellationToken);
        }
        if (removed > 0)
        {
            LogRemoved(logger, removed);
        }
        return removed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cleanup removed {Count} expired rows")]
    private static partial void LogRemoved(ILogger logger, int count);
}
