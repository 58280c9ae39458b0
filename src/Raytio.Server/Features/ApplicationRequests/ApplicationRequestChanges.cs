using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Organizations;
using Raytio.Server.Hosting;
using Raytio.Server.Providers.Email;

namespace Raytio.Server.Features.ApplicationRequests;

/// <summary>
/// Operation 15 (change, resend, delete) and completion by the sharing issue. Each change is one
/// SaveChanges with its email and audit event; a request deleted meanwhile (a change that finds
/// no row to write) answers as unknown.
/// </summary>
public sealed class ApplicationRequestChanges(
    RaytioDbContext db,
    OrganizationAccess access,
    EmailOutbox outbox,
    AuditTrail audit,
    ApplicationRequestClock clock)
{
    public async Task<ApplicationRequestAnswer> PatchAsync(Guid caller, string orgId, string shortCode, ApplicationRequestBody body, CancellationToken cancellationToken)
    {
        var patch = body.CheckPatch();
        // Before any write: the first HMAC stores its secret through a connection of its own.
        var emailHmac = patch.Email is null ? null : await audit.HmacAsync(patch.Email, cancellationToken);
        var organization = (await access.ReadAsync(caller, orgId, cancellationToken)).Organization;
        var request = await FindLiveAsync(shortCode, organization.Id, cancellationToken) ?? throw NotFound();
        if (patch.State is ApplicationRequestStates.Deleted)
        {
            db.ApplicationRequests.Remove(request);
            audit.Record(AuditEventTypes.ApplicationRequestDelete, caller, organization.Id, new JsonObject { ["request_short_code"] = request.ShortCode });
            await SaveAsync(cancellationToken);
            return ApplicationRequestAnswer.Of(request, ApplicationRequestStates.Deleted);
        }
        if (patch.State is ApplicationRequestStates.Resend or ApplicationRequestStates.Sent && request.State == ApplicationRequestStates.Complete)
        {
            throw ApiException.Conflict("application_request_complete", "The request is complete: it cannot be sent again.");
        }
        Apply(request, patch);
        if (patch.State is ApplicationRequestStates.Resend)
        {
            request.State = ApplicationRequestStates.Sent;
            outbox.Enqueue(ApplicationRequestEmails.Request(request, organization, clock.ExpiresAt(request.CreatedAt)));
        }
        var details = new JsonObject { ["request_short_code"] = request.ShortCode, ["state"] = patch.State ?? request.State };
        if (emailHmac is not null)
        {
            details["email_hmac"] = emailHmac;
        }
        audit.Record(AuditEventTypes.ApplicationRequestUpdate, caller, organization.Id, details);
        await SaveAsync(cancellationToken);
        return ApplicationRequestAnswer.Of(request);
    }

    /// <summary>
    /// Marks the request complete when a person shares data with its short code (called by the
    /// sharing issue). Null for an unknown or expired code; completing twice changes nothing more.
    /// </summary>
    public async Task<ApplicationRequest?> CompleteAsync(string shortCode, Guid sharedBy, CancellationToken cancellationToken)
    {
        var request = await FindLiveAsync(shortCode, null, cancellationToken);
        if (request is null || request.State == ApplicationRequestStates.Complete)
        {
            return request;
        }
        request.State = ApplicationRequestStates.Complete;
        request.UpdatedAt = clock.Now();
        audit.Record(AuditEventTypes.ApplicationRequestUpdate, sharedBy, request.OrganizationId, new JsonObject
        {
            ["request_short_code"] = request.ShortCode,
            ["state"] = ApplicationRequestStates.Complete,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return request;
        }
        catch (DbUpdateConcurrencyException)
        {
            return null;
        }
    }

    public static ApiException NotFound() =>
        ApiException.NotFound("application_request_not_found", "No such application request in this organisation.");

    private async Task<ApplicationRequest?> FindLiveAsync(string shortCode, Guid? organizationId, CancellationToken cancellationToken)
    {
        if (!ShortIds.IsWellFormed(shortCode))
        {
            return null;
        }
        var liveAfter = clock.LiveAfter(clock.Now());
        return await db.ApplicationRequests
            .Where(r => r.ShortCode == shortCode && r.CreatedAt > liveAfter && (organizationId == null || r.OrganizationId == organizationId))
            .FirstOrDefaultAsync(cancellationToken);
    }

    private void Apply(ApplicationRequest request, CheckedApplicationRequestPatch patch)
    {
        request.Email = patch.Email ?? request.Email;
        request.PageLink = patch.PageLink ?? request.PageLink;
        request.Source = patch.Source ?? request.Source;
        request.AId = patch.AId is { } aId ? aId.Value : request.AId;
        request.AaName = patch.AaName is { } aaName ? aaName.Value : request.AaName;
        request.UpdatedAt = clock.Now();
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw NotFound();
        }
    }
}
