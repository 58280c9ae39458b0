using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Links;

/// <summary>
/// Reads one live short link by id (the redirect and operation 10): one primary-key read,
/// untracked, of the columns answered only. A malformed id is not looked up; an unknown,
/// malformed or expired id answers the same 404. The redirect asks <see cref="ShortLinkCache"/> first.
/// </summary>
public sealed class ShortLinkLookup(RaytioDbContext db, ShortLinkCache cache, TimeProvider time)
{
    public sealed record Target(string Url, DateTime? ExpiresAt);

    public sealed record Link(string Url, bool Persist, DateTime? ExpiresAt);

    /// <summary>Compiled once: the redirect is the public hot path, so it skips EF's per-call query cache lookup.</summary>
    private static readonly Func<RaytioDbContext, string, CancellationToken, Task<Target?>> TargetById = EF.CompileAsyncQuery(
        (RaytioDbContext db, string id, CancellationToken ct) => db.Set<ShortLink>().AsNoTracking()
            .Where(l => l.Id == id)
            .Select(l => new Target(l.Url, l.ExpiresAt))
            .FirstOrDefault());

    private static readonly Func<RaytioDbContext, string, CancellationToken, Task<Link?>> LinkById = EF.CompileAsyncQuery(
        (RaytioDbContext db, string id, CancellationToken ct) => db.Set<ShortLink>().AsNoTracking()
            .Where(l => l.Id == id)
            .Select(l => new Link(l.Url, l.Persist, l.ExpiresAt))
            .FirstOrDefault());

    /// <summary>The URL the link redirects to.</summary>
    public async Task<string> UrlAsync(string? id, CancellationToken cancellationToken)
    {
        var target = ShortIds.IsWellFormed(id) ? await TargetAsync(id!, cancellationToken) : null;
        return target is not null && IsLive(target.ExpiresAt) ? target.Url : throw NotFound();
    }

    private async Task<Target?> TargetAsync(string id, CancellationToken cancellationToken)
    {
        if (cache.TryGet(id, out var cached))
        {
            return cached;
        }
        var target = await TargetById(db, id, cancellationToken);
        if (target is not null)
        {
            cache.Add(id, target);
        }
        return target;
    }

    /// <summary>Operation 10: the link as the reference shows it.</summary>
    public async Task<Link> LinkAsync(string? id, CancellationToken cancellationToken)
    {
        var link = ShortIds.IsWellFormed(id) ? await LinkById(db, id!, cancellationToken) : null;
        return link is not null && IsLive(link.ExpiresAt) ? link : throw NotFound();
    }

    public static ApiException NotFound() => ApiException.NotFound("link_not_found", "No such short link, or it has expired.");

    private bool IsLive(DateTime? expiresAt) => expiresAt is not { } at || at > time.GetUtcNow().UtcDateTime;
}
