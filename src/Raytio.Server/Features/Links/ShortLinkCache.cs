using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Raytio.Server.Features.Links;

/// <summary>
/// Links the redirect has found, kept in memory so a popular link does not cost a database round
/// trip per click. Exact, not approximate: a link never changes after it is made, and its expiry
/// travels with it and is checked at every hit; the only deletions are of expired links (the
/// cleanup pass) and of an organisation's links with the organisation, which no operation does
/// yet. Bounded by Raytio:Links:CacheEntries; unknown ids are never cached, so probing cannot
/// fill it.
/// </summary>
public sealed class ShortLinkCache(IOptions<LinkOptions> options) : IDisposable
{
    private static readonly TimeSpan IdleLifetime = TimeSpan.FromMinutes(10);

    private readonly MemoryCache _links = new(new MemoryCacheOptions { SizeLimit = options.Value.CacheEntries });

    public bool TryGet(string id, out ShortLinkLookup.Target? target) => _links.TryGetValue(id, out target);

    public void Add(string id, ShortLinkLookup.Target target) =>
        _links.Set(id, target, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = IdleLifetime });

    public void Dispose() => _links.Dispose();
}
