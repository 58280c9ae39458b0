using Raytio.Server.Hosting;

namespace Raytio.Links.Load;

/// <summary>One short link as the loader writes it.</summary>
internal sealed record LinkRow(string Id, string Url, bool Persist, Guid CreatedBy, DateTime CreatedAt, DateTime? ExpiresAt);

/// <summary>
/// The links of a benchmark database: ids from the server's own generator (unique), URLs of 40 to
/// 200 characters, half kept (persist) and half expiring in 30 days, so every one redirects.
/// </summary>
internal static class LinkRows
{
    public static IReadOnlyList<LinkRow> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var now = DateTime.UtcNow;
        var creators = Enumerable.Range(0, 1 + (count / 100)).Select(_ => Guid.NewGuid()).ToArray();
        var ids = new HashSet<string>(count, StringComparer.Ordinal);
        var rows = new List<LinkRow>(count);
        while (rows.Count < count)
        {
            var id = ShortIds.New();
            if (!ids.Add(id))
            {
                continue;
            }
            var path = new string('p', random.Next(0, 160));
            var persist = random.Next(2) == 0;
            var created = now.AddMinutes(-random.Next(0, 60 * 24 * 7));
            rows.Add(new LinkRow(id, $"https://app.example.com/form/{rows.Count}?{path}", persist,
                creators[random.Next(creators.Length)], created, persist ? null : now.AddDays(30)));
        }
        return rows;
    }
}
