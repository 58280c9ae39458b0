using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Features.Graph;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Audit;

/// <summary>
/// Operation 89: the events about an id, newest first. A caller may read the events about their
/// own user id (those about them and those they caused) and about a profile object or group they
/// hold at least VIEWS on; any other id answers 404, whether or not it exists.
/// </summary>
public sealed class AuditReader(RaytioDbContext db, PermissionService permissions)
{
    public const int DefaultLimit = 25;

    public const int MaxLimit = 100;

    public async Task<List<AuditAnswer>> ReadAsync(CurrentUser caller, string id, string? limit, string? startingAfter, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var subject = ParseId(validation, id);
        var take = ParseLimit(validation, limit);
        var before = ParseCursor(validation, startingAfter);
        validation.ThrowIfAny();

        var events = await VisibleEventsAsync(caller.Id, subject, cancellationToken);
        if (before is { } cursor)
        {
            events = events.Where(e => e.Id < cursor);
        }
        var page = await events.AsNoTracking().OrderByDescending(e => e.Id).Take(take).ToListAsync(cancellationToken);
        return [.. page.Select(AuditAnswer.From)];
    }

    private async Task<IQueryable<AuditEvent>> VisibleEventsAsync(Guid caller, Guid subject, CancellationToken cancellationToken)
    {
        if (subject == caller)
        {
            return db.AuditEvents.Where(e => e.SubjectId == subject || e.UserId == subject);
        }
        var node = await db.GraphNodes.AsNoTracking()
            .Where(n => n.Key == subject && n.Kind != NodeKind.User)
            .Select(n => (long?)n.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (node is null || await permissions.EffectiveAsync(caller, node.Value, cancellationToken) < Permission.View)
        {
            throw ApiException.NotFound("not_found", "No audit trail exists that you can see for this id.");
        }
        return db.AuditEvents.Where(e => e.SubjectId == subject);
    }

    private static Guid ParseId(Validation validation, string id)
    {
        if (Guid.TryParseExact(id, "D", out var subject))
        {
            return subject;
        }
        validation.Add("id", $"'id' must be a UUID (e.g. c14fcbf2-9c47-45af-acc2-8a484656a321), not '{id}'.");
        return Guid.Empty;
    }

    private static int ParseLimit(Validation validation, string? limit)
    {
        if (string.IsNullOrEmpty(limit))
        {
            return DefaultLimit;
        }
        if (int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var take) && take is >= 1 and <= MaxLimit)
        {
            return take;
        }
        validation.Add("limit", $"'limit' must be a whole number from 1 to {MaxLimit}, not '{limit}'.");
        return DefaultLimit;
    }

    private static long? ParseCursor(Validation validation, string? startingAfter)
    {
        if (string.IsNullOrEmpty(startingAfter))
        {
            return null;
        }
        if (long.TryParse(startingAfter, NumberStyles.None, CultureInfo.InvariantCulture, out var cursor) && cursor > 0)
        {
            return cursor;
        }
        validation.Add("starting_after", $"'starting_after' must be the id of an event (a positive whole number), not '{startingAfter}'.");
        return null;
    }
}
