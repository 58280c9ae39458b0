using System.Collections.Concurrent;

namespace Raytio.Server.Hosting;

/// <summary>
/// The services whose routes carry an API version (`/oauth/{version}/...`). Modules declare them
/// by mapping their groups with <see cref="MapVersionedGroup"/>; the version check reads them.
/// </summary>
public sealed class VersionedRoutes
{
    public const string SupportedVersion = "v1";

    private readonly ConcurrentDictionary<string, bool> _services = new(StringComparer.Ordinal);

    /// <summary>Looked up on every request without allocating a string.</summary>
    public bool IsVersioned(ReadOnlySpan<char> service) => _services.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(service);

    internal void Add(string service) => _services.TryAdd(service, true);
}

public static class VersionedRouteExtensions
{
    /// <summary>A route group at `/{service}/{version}`; other versions than v1 answer 404.</summary>
    public static RouteGroupBuilder MapVersionedGroup(this IEndpointRouteBuilder app, string service)
    {
        app.ServiceProvider.GetRequiredService<VersionedRoutes>().Add(service);
        return app.MapGroup($"/{service}/{{version}}").WithTags(service);
    }
}
