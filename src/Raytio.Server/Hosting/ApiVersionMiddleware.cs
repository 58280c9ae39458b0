namespace Raytio.Server.Hosting;

/// <summary>
/// Answers 404 for any {version} segment other than v1 on a versioned service. Runs before
/// routing, so a request with a wrong method, media type or body learns only that the version is
/// unknown.
/// </summary>
internal static class ApiVersionMiddleware
{
    public static IApplicationBuilder UseApiVersionCheck(this IApplicationBuilder app)
    {
        var routes = app.ApplicationServices.GetRequiredService<VersionedRoutes>();
        return app.Use(async (context, next) =>
        {
            if (VersionOf(context.Request.Path.Value, routes) is { } version && version != VersionedRoutes.SupportedVersion)
            {
                throw ApiException.NotFound("unsupported_version", $"Unsupported API version '{version}'");
            }
            await next();
        });
    }

    /// <summary>The second path segment when the first names a versioned service.</summary>
    private static string? VersionOf(string? path, VersionedRoutes routes)
    {
        if (string.IsNullOrEmpty(path) || path[0] != '/')
        {
            return null;
        }
        var rest = path.AsSpan(1);
        var slash = rest.IndexOf('/');
        if (slash <= 0 || !routes.IsVersioned(rest[..slash]))
        {
            return null;
        }
        var afterService = rest[(slash + 1)..];
        var end = afterService.IndexOf('/');
        var version = end < 0 ? afterService : afterService[..end];
        return version.IsEmpty ? null : version.ToString();
    }
}
