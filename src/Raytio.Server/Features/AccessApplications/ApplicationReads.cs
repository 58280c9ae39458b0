using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Features.Graph;
using Raytio.Server.Features.Organizations;
using Raytio.Server.Features.Sharing;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.AccessApplications;

/// <summary>Operations 69 (the caller's applications), 71 (a user's, as seen by an administrator) and 72 (one application).</summary>
public sealed class ApplicationReads(RaytioDbContext db, ApplicationAccess access, TimeProvider time)
{
    public const string UserField = "u_id";

    /// <summary>How many instance ids operation 72 lists, newest first; operation 73 pages through all of them.</summary>
    public const int MaxListedInstances = InstanceListQuery.MaxLimit;

    public async Task<JsonArray> ListAsync(Guid caller, CancellationToken cancellationToken)
    {
        var ids = await access.AuthorizedIdsAsync(caller, cancellationToken);
        return await AnswerAsync(ids, cancellationToken);
    }

    /// <summary>
    /// The user's own list when they ask; otherwise only the applications of organisations the
    /// caller administers that the user is authorised on, and 404 for a caller who administers
    /// no organisation the user belongs to (as for an unknown u_id).
    /// </summary>
    public async Task<JsonArray> ListForUserAsync(Guid caller, string? uId, CancellationToken cancellationToken)
    {
        var user = GraphIds.Parse(UserField, uId);
        if (user == caller)
        {
            return await ListAsync(caller, cancellationToken);
        }
        var members = db.OrganizationMembers;
        var administered = await members.AsNoTracking()
            .Where(m => m.UserId == caller && m.Role == OrganizationRole.Admin && members.Any(t => t.OrganizationId == m.OrganizationId && t.UserId == user))
            .Select(m => m.OrganizationId)
            .ToListAsync(cancellationToken);
        if (administered.Count == 0)
        {
            throw ApiException.NotFound("user_not_found", "No such user, or you administer no organisation they belong to.");
        }
        var ids = await access.AuthorizedIdsAsync(user, cancellationToken);
        var shared = await db.AccessApplications.AsNoTracking()
            .Where(a => ids.Contains(a.Id) && a.OrganizationId != null && administered.Contains(a.OrganizationId.Value))
            .Select(a => a.Id)
            .ToListAsync(cancellationToken);
        return await AnswerAsync(shared, cancellationToken);
    }

    /// <summary>Whole for an authorised user or the application's own token; the public description for any other signed-in person.</summary>
    public async Task<JsonObject> ReadAsync(ApplicationOrUser caller, string? aId, CancellationToken cancellationToken)
    {
        var id = ApplicationAccess.ParseId(aId);
        var application = caller.ApplicationId is null
            ? await access.LiveAsync(id, cancellationToken)
            : await access.ForCallerAsync(caller, id, cancellationToken);
        if (caller.ApplicationId is null && !await access.IsAuthorizedAsync(caller.UserId!.Value, application, cancellationToken))
        {
            return ApplicationAnswers.Public(application);
        }
        var answer = ApplicationAnswers.Full(application);
        answer["instances"] = await OpenInstanceIdsAsync(application.Id, cancellationToken);
        return answer;
    }

    /// <summary>The instances the application's recipients may read now, newest first, as operation 73 orders them.</summary>
    private async Task<JsonArray> OpenInstanceIdsAsync(Guid applicationId, CancellationToken cancellationToken)
    {
        var ids = await db.ShareInstances.AsNoTracking()
            .Where(i => i.ApplicationId == applicationId)
            .OpenAt(time.UtcNowInMicroseconds())
            .OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .Take(MaxListedInstances)
            .Select(i => i.Id)
            .ToListAsync(cancellationToken);
        return [.. ids.Select(i => (JsonNode)JsonValue.Create(i))];
    }

    private async Task<JsonArray> AnswerAsync(List<Guid> ids, CancellationToken cancellationToken)
    {
        var applications = await db.AccessApplications.AsNoTracking()
            .Where(a => ids.Contains(a.Id))
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);
        return [.. applications.Select(a => (JsonNode)ApplicationAnswers.Full(a))];
    }
}
