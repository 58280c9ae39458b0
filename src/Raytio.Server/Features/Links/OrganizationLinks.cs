using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;

namespace Raytio.Server.Features.Links;

/// <summary>The `links` of an organisation's answer (operations 11 and 31): all of them, oldest first.</summary>
public sealed class OrganizationLinks(RaytioDbContext db)
{
    public async Task<JsonArray> ListAsync(Guid organizationId, CancellationToken cancellationToken)
    {
        var links = await db.ShortLinks.AsNoTracking()
            .Where(l => l.OrganizationId == organizationId)
            .OrderBy(l => l.CreatedAt).ThenBy(l => l.Id)
            .ToListAsync(cancellationToken);
        return new JsonArray([.. links.Select(LinkAnswers.OfOrganization)]);
    }
}
