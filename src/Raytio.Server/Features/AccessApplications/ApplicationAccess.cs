using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Features.Graph;
using Raytio.Server.Features.Organizations;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.AccessApplications;

/// <summary>
/// Who may act on an application (docs/SHARING.md "Who may do what"): its authorised users are
/// its owner, the users it was shared with (operation 79) and, for an organisation's
/// application, that organisation's administrators; an application's own token acts for that
/// application alone. Everyone else gets the same 404 as for an unknown or deleted a_id.
/// </summary>
public sealed class ApplicationAccess(RaytioDbContext db)
{
    public const string RouteField = "a_id";

    public static Guid ParseId(string? aId) => GraphIds.Parse(RouteField, aId);

    /// <summary>The live application (not deleted), whoever asks; 404 when there is none.</summary>
    public async Task<AccessApplication> LiveAsync(Guid applicationId, CancellationToken cancellationToken) =>
        await db.AccessApplications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == applicationId && a.DeletedAt == null, cancellationToken)
        ?? throw NotFound();

    /// <summary>The live application when the caller is one of its authorised users; 404 otherwise.</summary>
    public async Task<AccessApplication> ForAuthorizedUserAsync(Guid caller, Guid applicationId, CancellationToken cancellationToken)
    {
        var application = await LiveAsync(applicationId, cancellationToken);
        return await IsAuthorizedAsync(caller, application, cancellationToken) ? application : throw NotFound();
    }

    /// <summary>As <see cref="ForAuthorizedUserAsync"/>, or the application itself through its own token.</summary>
    public async Task<AccessApplication> ForCallerAsync(ApplicationOrUser caller, Guid applicationId, CancellationToken cancellationToken)
    {
        if (caller.ApplicationId is { } self)
        {
            return self == applicationId ? await LiveAsync(applicationId, cancellationToken) : throw NotFound();
        }
        return await ForAuthorizedUserAsync(caller.UserId!.Value, applicationId, cancellationToken);
    }

    public async Task<bool> IsAuthorizedAsync(Guid caller, AccessApplication application, CancellationToken cancellationToken)
    {
        if (application.OwnerId == caller)
        {
            return true;
        }
        if (await db.AccessApplicationUsers.AnyAsync(u => u.ApplicationId == application.Id && u.UserId == caller, cancellationToken))
        {
            return true;
        }
        var organization = application.OrganizationId;
        return organization is not null && await db.OrganizationMembers.AnyAsync(
            m => m.OrganizationId == organization && m.UserId == caller && m.Role == OrganizationRole.Admin, cancellationToken);
    }

    /// <summary>The ids of the live applications the caller is authorised on.</summary>
    public Task<List<Guid>> AuthorizedIdsAsync(Guid caller, CancellationToken cancellationToken)
    {
        var users = db.AccessApplicationUsers;
        var members = db.OrganizationMembers;
        return db.AccessApplications.AsNoTracking()
            .Where(a => a.DeletedAt == null && (a.OwnerId == caller
                || users.Any(u => u.ApplicationId == a.Id && u.UserId == caller)
                || members.Any(m => m.OrganizationId == a.OrganizationId && m.UserId == caller && m.Role == OrganizationRole.Admin)))
            .Select(a => a.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The owner deletes; an organisation's application may also be deleted by that organisation's administrators.</summary>
    public Task<bool> MayDeleteAsync(Guid caller, AccessApplication application, CancellationToken cancellationToken)
    {
        if (application.OwnerId == caller)
        {
            return Task.FromResult(true);
        }
        var organization = application.OrganizationId;
        return organization is null
            ? Task.FromResult(false)
            : db.OrganizationMembers.AnyAsync(m => m.OrganizationId == organization && m.UserId == caller && m.Role == OrganizationRole.Admin, cancellationToken);
    }

    public static ApiException NotFound() =>
        ApiException.NotFound("access_application_not_found", "No such access application, or you may not see it.");
}
