using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Organizations;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.AccessApplications;

/// <summary>Creating (70), changing (PATCH) and deleting (DELETE) an access application.</summary>
public sealed class ApplicationChanges(
    RaytioDbContext db, ApplicationAccess access, ApplicationScopes scopes, OrganizationAccess organizations, AuditTrail audit, TimeProvider time)
{
    /// <summary>Client keys are random; a clash is retried with a new one.</summary>
    private const int KeyAttempts = 3;

    public async Task<JsonObject> CreateAsync(Guid caller, JsonElement body, CancellationToken cancellationToken)
    {
        var request = ApplicationBody.ForCreate(body);
        await scopes.RequireDeclaredAsync(request.Scopes!, cancellationToken);
        if (request.OrganizationId is { } organizationId)
        {
            (await organizations.ReadAsync(caller, organizationId.ToString(), cancellationToken)).RequireAdmin();
        }
        var now = time.UtcNowInMicroseconds();
        string? secret = null;
        var application = await db.SaveWithFreshIdAsync(() =>
        {
            var made = new AccessApplication
            {
                Id = Guid.NewGuid(),
                Name = request.Name!,
                Description = request.Description,
                ScopesJson = Json(request.Scopes!),
                CallbackUrisJson = Json(request.CallbackUris!),
                LogoutUri = request.LogoutUri,
                Picture = request.Picture,
                TransitionsJson = request.Transitions!.ToJson().ToJsonString(),
                TagsJson = Json(request.Tags ?? []),
                ThemeJson = request.Theme?.ToJsonString(),
                OwnerId = caller,
                OrganizationId = request.OrganizationId,
                CreatedAt = now,
                UpdatedAt = now,
            };
            if (request.GenerateSecret)
            {
                secret = SetSecret(made);
            }
            db.AccessApplications.Add(made);
            audit.Record(AuditEventTypes.AccessApplicationCreate, caller, made.Id, Details(made, request.GenerateSecret));
            return made;
        }, KeyAttempts, cancellationToken);
        return ApplicationAnswers.Full(application, secret);
    }

    public async Task<JsonObject> PatchAsync(Guid caller, string aId, JsonElement body, CancellationToken cancellationToken)
    {
        var id = ApplicationAccess.ParseId(aId);
        var request = ApplicationBody.ForPatch(body);
        var application = await access.ForAuthorizedUserAsync(caller, id, cancellationToken);
        if (request.Scopes is { } requestedScopes)
        {
            await scopes.RequireDeclaredAsync(requestedScopes, cancellationToken);
        }
        string? secret = null;
        var saved = await db.SaveWithFreshIdAsync(() =>
        {
            var changed = Apply(application, request);
            changed.UpdatedAt = time.UtcNowInMicroseconds();
            if (request.GenerateSecret)
            {
                secret = SetSecret(changed);
            }
            db.AccessApplications.Update(changed);
            audit.Record(AuditEventTypes.AccessApplicationUpdate, caller, changed.Id, Details(changed, request.GenerateSecret));
            return changed;
        }, KeyAttempts, cancellationToken);
        return ApplicationAnswers.Full(saved, secret);
    }

    /// <summary>
    /// A soft delete by the owner (or, for an organisation's application, its administrators):
    /// the application, its keys and its instances are gone for everyone, and its token stops working.
    /// </summary>
    public async Task<string> DeleteAsync(Guid caller, string aId, CancellationToken cancellationToken)
    {
        var id = ApplicationAccess.ParseId(aId);
        var application = await access.ForAuthorizedUserAsync(caller, id, cancellationToken);
        if (!await access.MayDeleteAsync(caller, application, cancellationToken))
        {
            throw ApiException.Forbidden("forbidden", "Only the application's owner (or its organisation's administrators) may delete it.");
        }
        var now = time.UtcNowInMicroseconds();
        application.DeletedAt = now;
        application.UpdatedAt = now;
        application.ClientSecretHash = null;
        db.AccessApplications.Update(application);
        audit.Record(AuditEventTypes.AccessApplicationDelete, caller, application.Id);
        await db.SaveChangesAsync(cancellationToken);
        return $"Access application {application.Id} has been deleted.";
    }

    /// <summary>A copy of the stored row with the request's fields: retried saves start again from the stored row.</summary>
    private static AccessApplication Apply(AccessApplication stored, ApplicationBody request) => new()
    {
        Id = stored.Id,
        Name = request.Name is { Length: > 0 } name ? name : stored.Name,
        Description = request.Description ?? (request.Cleared.Contains("description") ? null : stored.Description),
        ScopesJson = request.Scopes is { } scopes ? Json(scopes) : stored.ScopesJson,
        CallbackUrisJson = request.CallbackUris is { } uris ? Json(uris) : stored.CallbackUrisJson,
        LogoutUri = request.LogoutUri ?? (request.Cleared.Contains("logout_uri") ? null : stored.LogoutUri),
        Picture = request.Picture ?? (request.Cleared.Contains("picture") ? null : stored.Picture),
        TransitionsJson = request.Transitions?.ToJson().ToJsonString() ?? stored.TransitionsJson,
        TagsJson = request.Tags is { } tags ? Json(tags) : stored.TagsJson,
        ThemeJson = request.Theme?.ToJsonString() ?? (request.Cleared.Contains("theme") ? null : stored.ThemeJson),
        OwnerId = stored.OwnerId,
        OrganizationId = stored.OrganizationId,
        ClientKey = stored.ClientKey,
        ClientSecretHash = stored.ClientSecretHash,
        CreatedAt = stored.CreatedAt,
        UpdatedAt = stored.UpdatedAt,
        DeletedAt = stored.DeletedAt,
    };

    /// <summary>A new key and secret; the old secret (and every token issued with it) stops working.</summary>
    private static string SetSecret(AccessApplication application)
    {
        var pair = ClientSecrets.New();
        application.ClientKey = pair.Key;
        application.ClientSecretHash = pair.SecretHash;
        return pair.Secret;
    }

    private static JsonObject Details(AccessApplication application, bool secretGenerated) => new()
    {
        ["org_id"] = application.OrganizationId,
        ["secret_generated"] = secretGenerated,
    };

    private static string Json(IReadOnlyList<string> values) => JsonSerializer.Serialize(values);
}
