using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Organizations;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Domains;

/// <summary>
/// Operations 16 and 17 and the public read. A domain belongs to one organisation: another
/// organisation's domain answers like an unknown one to reads (16) and 409 to writes (17).
/// </summary>
public sealed class WhiteLabelDomains(RaytioDbContext db, OrganizationAccess access, AuditTrail audit, TimeProvider time)
{
    /// <summary>Operation 16: members of the organisation read its domain's settings.</summary>
    public async Task<JsonObject> ReadAsync(Guid caller, string orgId, string domain, CancellationToken cancellationToken)
    {
        var organization = (await access.ReadAsync(caller, orgId, cancellationToken)).Organization;
        var name = DomainNames.Normalize(domain);
        var stored = await db.WhiteLabelDomains.AsNoTracking()
            .FirstOrDefaultAsync(d => d.Domain == name && d.OrganizationId == organization.Id, cancellationToken);
        return stored is null ? throw NotFound() : DomainSettings.Of(stored).ToAnswer();
    }

    /// <summary>The unauthenticated read a browser makes before login: name, theme and logo only.</summary>
    public async Task<JsonObject> ReadPublicAsync(string domain, CancellationToken cancellationToken)
    {
        var name = DomainNames.Normalize(domain);
        var stored = await db.WhiteLabelDomains.AsNoTracking().FirstOrDefaultAsync(d => d.Domain == name, cancellationToken);
        return stored is null ? throw NotFound() : DomainSettings.Of(stored).ToAnswer();
    }

    /// <summary>Operation 17: an administrator creates or replaces the settings of a domain of their organisation.</summary>
    public async Task<JsonObject> SetAsync(Guid caller, string orgId, string domain, DomainRequest request, CancellationToken cancellationToken)
    {
        var name = DomainNames.Normalize(domain);
        var settings = request.Check(name);
        var now = time.GetUtcNow().UtcDateTime;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var organization = (await access.LockAsync(caller, orgId, cancellationToken)).RequireAdmin().Organization;
            var stored = await db.WhiteLabelDomains.FirstOrDefaultAsync(d => d.Domain == name, cancellationToken);
            if (stored is null)
            {
                stored = new WhiteLabelDomain { Domain = name, OrganizationId = organization.Id, Name = settings.Name, CreatedAt = now };
                db.WhiteLabelDomains.Add(stored);
            }
            else if (stored.OrganizationId != organization.Id)
            {
                throw Taken();
            }
            stored.Name = settings.Name;
            stored.ThemeJson = settings.ThemeJson;
            stored.LogoJson = settings.LogoJson;
            stored.UpdatedAt = now;
            audit.Record(AuditEventTypes.DomainSet, caller, organization.Id, new JsonObject { ["domain"] = name });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException failure) when (failure.IsUniqueViolation())
        {
            // Another organisation's transaction inserted the same domain first (this organisation's own writes take turns on its row lock).
            throw Taken();
        }
        return settings.ToAnswer();
    }

    private static ApiException NotFound() => ApiException.NotFound("domain_not_found", "No such domain.");

    private static ApiException Taken() => ApiException.Conflict("domain_taken", "This domain belongs to another organisation.");
}
