namespace Raytio.Server.Hosting;

/// <summary>
/// Work an area needs done after the database is migrated and before the server takes requests
/// (or a command runs), e.g. making sure a signing key exists. Run in registration order.
/// </summary>
public interface IStartupTask
{
    Task RunAsync(CancellationToken cancellationToken);
}
