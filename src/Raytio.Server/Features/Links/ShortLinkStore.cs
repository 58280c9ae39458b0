using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Features.Audit;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Links;

/// <summary>
/// Saves a new link under a fresh random id with its link_create event (subject: the caller for
/// operation 9, the organisation for 31; the URL is not recorded). Two equal ids are unlikely
/// (36^10 values), but a clash is retried with another id rather than answered as an error.
/// </summary>
public sealed class ShortLinkStore(RaytioDbContext db, AuditTrail audit)
{
    private const int MaxAttempts = 3;

    public Task<ShortLink> AddAsync(Func<string, ShortLink> linkWithId, Guid caller, Guid subject, CancellationToken cancellationToken) =>
        db.SaveWithFreshIdAsync(() =>
        {
            var link = linkWithId(ShortIds.New());
            db.ShortLinks.Add(link);
            audit.Record(AuditEventTypes.LinkCreate, caller, subject, new JsonObject { ["short_link_id"] = link.Id, ["persist"] = link.Persist });
            return link;
        }, MaxAttempts, cancellationToken);
}
