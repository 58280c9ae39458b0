using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Organizations;
using Raytio.Server.Providers.Email;

namespace Raytio.Server.Features.ApplicationRequests;

/// <summary>
/// Operation 13: a request with a new short code, its email and its audit event, saved together
/// (one SaveChanges, so one transaction). A short code already taken by another request is a
/// unique-key failure: the whole save is rebuilt with a new code.
/// </summary>
public sealed class ApplicationRequestCreation(
    RaytioDbContext db,
    OrganizationAccess access,
    EmailOutbox outbox,
    AuditTrail audit,
    ApplicationRequestClock clock)
{
    private const int Attempts = 5;

    /// <summary>Where short codes come from; tests replace it to force a clash.</summary>
    internal Func<string> NewShortCode { get; set; } = Hosting.ShortIds.New;

    public async Task<ApplicationRequestAnswer> CreateAsync(Guid caller, string orgId, ApplicationRequestBody body, CancellationToken cancellationToken)
    {
        var checkedBody = body.CheckCreate();
        // Before any write: the first HMAC stores its secret through a connection of its own.
        var emailHmac = await audit.HmacAsync(checkedBody.Email, cancellationToken);
        var organization = (await access.ReadAsync(caller, orgId, cancellationToken)).Organization;
        var request = await db.SaveWithFreshIdAsync(() => Add(caller, organization, checkedBody, emailHmac), Attempts, cancellationToken);
        return ApplicationRequestAnswer.Of(request);
    }

    private ApplicationRequest Add(Guid caller, Organization organization, CheckedApplicationRequest body, string emailHmac)
    {
        var now = clock.Now();
        var request = new ApplicationRequest
        {
            ShortCode = NewShortCode(),
            OrganizationId = organization.Id,
            Email = body.Email,
            PageLink = body.PageLink,
            Source = body.Source,
            AId = body.AId,
            AaName = body.AaName,
            State = ApplicationRequestStates.Sent,
            Owner = caller,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.ApplicationRequests.Add(request);
        outbox.Enqueue(ApplicationRequestEmails.Request(request, organization, clock.ExpiresAt(now)));
        audit.Record(AuditEventTypes.ApplicationRequestCreate, caller, organization.Id, new JsonObject
        {
            ["request_short_code"] = request.ShortCode,
            ["email_hmac"] = emailHmac,
        });
        return request;
    }
}
