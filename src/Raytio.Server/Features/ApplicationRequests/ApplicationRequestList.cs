using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Features.Organizations;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.ApplicationRequests;

/// <summary>
/// Operation 14: the organisation's live requests, newest first (date_created, then short code,
/// both descending), a page of `limit` at a time; `starting_after` names the last request of the
/// previous page.
/// </summary>
public sealed class ApplicationRequestList(RaytioDbContext db, OrganizationAccess access, ApplicationRequestClock clock)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 100;

    public async Task<List<ApplicationRequestAnswer>> ListAsync(Guid caller, string orgId, string? limit, string? startingAfter, CancellationToken cancellationToken)
    {
        var pageSize = ParseLimit(limit);
        var organization = (await access.ReadAsync(caller, orgId, cancellationToken)).Organization;
        var liveAfter = clock.LiveAfter(clock.Now());
        var requests = db.ApplicationRequests.AsNoTracking()
            .Where(r => r.OrganizationId == organization.Id && r.CreatedAt > liveAfter);
        if (startingAfter is not null)
        {
            var after = await requests.Where(r => r.ShortCode == startingAfter).Select(r => new { r.CreatedAt, r.ShortCode }).FirstOrDefaultAsync(cancellationToken)
                ?? throw ApiException.Invalid("starting_after", "'starting_after' must be the request_short_code of a request of this organisation.");
            requests = requests.Where(r => r.CreatedAt < after.CreatedAt
                || (r.CreatedAt == after.CreatedAt && string.Compare(r.ShortCode, after.ShortCode) < 0));
        }
        var page = await requests
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.ShortCode)
            .Take(pageSize)
            .ToListAsync(cancellationToken);
        return [.. page.Select(r => ApplicationRequestAnswer.Of(r))];
    }

    private static int ParseLimit(string? limit)
    {
        if (limit is null)
        {
            return DefaultLimit;
        }
        return int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= MaxLimit
            ? value
            : throw ApiException.Invalid("limit", $"'limit' must be a whole number from 1 to {MaxLimit}.");
    }
}
