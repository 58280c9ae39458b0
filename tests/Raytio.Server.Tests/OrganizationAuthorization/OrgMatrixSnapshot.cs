using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Features.ApplicationRequests;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Billing;
using Raytio.Server.Features.Domains;
using Raytio.Server.Features.Links;
using Raytio.Server.Features.Organizations;
using Raytio.Server.Providers.Email;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.OrganizationAuthorization;

/// <summary>
/// What a denied call must leave as it was: the row counts of every table the /org/ operations
/// write (and the audit trail and outgoing mail), and every row of the organisation under test.
/// The matrix's host is its own, so nothing else writes while a check runs. Mail is counted once
/// delivered to the development mailbox: the background dispatcher empties the outbox at any time.
/// </summary>
internal static class OrgMatrixSnapshot
{
    public static async Task<string> TakeAsync(RaytioFactory app, Guid orgId)
    {
        await app.DeliverEmailsAsync();
        return await app.WithDbAsync(db => StateAsync(db, orgId));
    }

    private static async Task<string> StateAsync(RaytioDbContext db, Guid orgId)
    {
        var state = new
        {
            organizations = await db.Organizations.CountAsync(),
            members = await db.OrganizationMembers.CountAsync(),
            invites = await db.OrganizationInvites.CountAsync(),
            customers = await db.BillingCustomers.CountAsync(),
            links = await db.ShortLinks.CountAsync(),
            domains = await db.WhiteLabelDomains.CountAsync(),
            requests = await db.ApplicationRequests.CountAsync(),
            audit = await db.AuditEvents.CountAsync(),
            mail = await db.MailboxMessages.CountAsync(),
            organization = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId)
                .Select(o => new { o.Name, o.BillingEmail, o.AddressJson, o.CustomerId, o.UpdatedAt }).SingleOrDefaultAsync(),
            memberRows = await db.OrganizationMembers.AsNoTracking().Where(m => m.OrganizationId == orgId)
                .OrderBy(m => m.UserId).Select(m => new { m.UserId, m.Role, m.UpdatedAt }).ToListAsync(),
            inviteRows = await db.OrganizationInvites.AsNoTracking().Where(i => i.OrganizationId == orgId)
                .OrderBy(i => i.Id).Select(i => new { i.Id, i.AcceptedAt, i.RevokedAt, i.ExpiresAt }).ToListAsync(),
            linkRows = await db.ShortLinks.AsNoTracking().Where(l => l.OrganizationId == orgId)
                .OrderBy(l => l.Id).Select(l => new { l.Id, l.Url, l.Description }).ToListAsync(),
            domainRows = await db.WhiteLabelDomains.AsNoTracking().Where(d => d.OrganizationId == orgId)
                .OrderBy(d => d.Domain).Select(d => new { d.Domain, d.Name, d.ThemeJson, d.LogoJson, d.UpdatedAt }).ToListAsync(),
            requestRows = await db.ApplicationRequests.AsNoTracking().Where(r => r.OrganizationId == orgId)
                .OrderBy(r => r.ShortCode).Select(r => new { r.ShortCode, r.State, r.UpdatedAt }).ToListAsync(),
        };
        return JsonSerializer.Serialize(state);
    }
}
