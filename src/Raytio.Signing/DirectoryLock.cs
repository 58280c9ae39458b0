namespace Raytio.Signing;

/// <summary>
/// Exclusive lock between processes (and store instances) sharing a key directory, so that a concurrent
/// first start creates one key, not two. Held as an open lock file with <see cref="FileShare.None"/>,
/// which .NET maps to flock() on Unix and share modes on Windows; the OS drops it if the process dies.
/// </summary>
internal sealed class DirectoryLock : IDisposable
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(2);

    private readonly FileStream _lockFile;

    private DirectoryLock(FileStream lockFile)
    {
        _lockFile = lockFile;
    }

    public static async Task<DirectoryLock> AcquireAsync(string lockPath, CancellationToken cancellationToken)
    {
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        // Real time, not the store's TimeProvider: a test clock that never advances must not stall the lock.
        var waitStarted = TimeProvider.System.GetTimestamp();
        while (true)
        {
            try
            {
                return new DirectoryLock(new FileStream(lockPath, options));
            }
            catch (IOException e)
            {
                if (TimeProvider.System.GetElapsedTime(waitStarted) >= MaxWait)
                {
                    throw new TimeoutException($"The key directory lock {lockPath} stayed taken for {MaxWait}.", e);
                }
                await Task.Delay(RetryDelay, cancellationToken);
            }
        }
    }

    public void Dispose() => _lockFile.Dispose();
}
