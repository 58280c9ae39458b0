namespace Raytio.Server.Features.Sharing;

/// <summary>The instances recipients may see: within their dates and not withdrawn (the application's own liveness is checked apart).</summary>
public static class OpenInstances
{
    public static IQueryable<ShareInstance> OpenAt(this IQueryable<ShareInstance> instances, DateTime now) =>
        instances.Where(i => i.WithdrawnAt == null && i.StartDate <= now && i.EndDate > now);
}
