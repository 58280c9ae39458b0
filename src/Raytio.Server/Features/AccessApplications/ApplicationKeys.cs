using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Graph;
using Raytio.Server.Features.Organizations;
using Raytio.Server.Features.Sharing;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.AccessApplications;

/// <summary>
/// An application's public keys (75-78) and its private keys wrapped for its users (79-82). A
/// caller who may not see the key's application gets the same 404 as for an unknown n_id.
/// </summary>
public sealed class ApplicationKeys(RaytioDbContext db, ApplicationAccess access, AuditTrail audit, TimeProvider time)
{
    public const string KeyField = "n_id";
    public const string DateFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff";

    /// <summary>75: the newest key; anyone signed in may read it to share, an application token only its own.</summary>
    public async Task<JsonObject> DefaultAsync(ApplicationOrUser caller, string? aId, CancellationToken cancellationToken)
    {
        var id = ApplicationAccess.ParseId(aId);
        var application = caller.ApplicationId is null ? await access.LiveAsync(id, cancellationToken) : await access.ForCallerAsync(caller, id, cancellationToken);
        var key = await db.ApplicationPublicKeys.AsNoTracking()
            .Where(k => k.ApplicationId == application.Id)
            .OrderByDescending(k => k.CreatedAt).ThenByDescending(k => k.Id)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw ApiException.NotFound("public_key_not_found", "The access application has no public key yet.");
        return Properties(key);
    }

    /// <summary>76: a new key, which becomes the default.</summary>
    public async Task<JsonObject> AddAsync(Guid caller, string? aId, JsonElement body, CancellationToken cancellationToken)
    {
        var id = ApplicationAccess.ParseId(aId);
        var jwk = PublicJwk.Check(ObjectOf(body)["key"], "key");
        var application = await access.ForAuthorizedUserAsync(caller, id, cancellationToken);
        var key = new ApplicationPublicKey
        {
            Id = Guid.NewGuid(),
            ApplicationId = application.Id,
            Jwk = jwk.ToJsonString(),
            CreatedBy = caller,
            CreatedAt = time.UtcNowInMicroseconds(),
        };
        db.ApplicationPublicKeys.Add(key);
        audit.Record(AuditEventTypes.ApplicationPublicKeyAdd, caller, key.Id, new JsonObject { ["a_id"] = application.Id });
        await db.SaveChangesAsync(cancellationToken);
        jwk["n_id"] = key.Id;
        return jwk;
    }

    /// <summary>77: every key, newest first, with the instances whose field keys were wrapped with it.</summary>
    public async Task<JsonArray> ListAsync(ApplicationOrUser caller, string? aId, CancellationToken cancellationToken)
    {
        var application = await access.ForCallerAsync(caller, ApplicationAccess.ParseId(aId), cancellationToken);
        var keys = await db.ApplicationPublicKeys.AsNoTracking()
            .Where(k => k.ApplicationId == application.Id)
            .OrderByDescending(k => k.CreatedAt).ThenByDescending(k => k.Id)
            .Select(k => new { k.Id, k.CreatedAt })
            .ToListAsync(cancellationToken);
        var ids = keys.Select(k => k.Id).ToList();
        var instances = await db.ShareInstanceKeys.AsNoTracking()
            .Where(k => ids.Contains(k.PublicKeyId))
            .Select(k => new { k.PublicKeyId, k.InstanceId })
            .Distinct()
            .ToListAsync(cancellationToken);
        JsonArray publicKeys = [.. keys.Select(k => (JsonNode)new JsonObject
        {
            ["public_key"] = new JsonObject { ["date"] = k.CreatedAt.ToString(DateFormat, CultureInfo.InvariantCulture), ["n_id"] = k.Id },
            ["instances"] = new JsonArray([.. instances.Where(i => i.PublicKeyId == k.Id).Select(i => i.InstanceId).Order().Select(i => (JsonNode)JsonValue.Create(i))]),
        })];
        return [new JsonObject { ["public_keys"] = publicKeys }];
    }

    /// <summary>78: one key, for the application's authorised users and its own token.</summary>
    public async Task<JsonObject> ReadAsync(ApplicationOrUser caller, string? nId, CancellationToken cancellationToken) =>
        Properties((await KeyForAsync(caller, nId, cancellationToken)).Key);

    /// <summary>79: the private key wrapped for another user, who becomes one of the application's authorised users.</summary>
    public async Task<JsonObject> StoreForUserAsync(Guid caller, string? nId, JsonElement body, CancellationToken cancellationToken)
    {
        var request = ObjectOf(body);
        var wrapped = WrappedKey.Check(request["key"], "key");
        var user = GraphIds.Parse("u_id", request["u_id"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null);
        var (key, application) = await KeyForAsync(new ApplicationOrUser(caller, null), nId, cancellationToken);
        if (application.OrganizationId is not { } organization)
        {
            throw ApiException.Forbidden("no_organization", "The application belongs to no organisation: its private key can be stored only for its owner, by themselves (operation 81).");
        }
        if (!await db.OrganizationMembers.AnyAsync(m => m.OrganizationId == organization && m.UserId == user, cancellationToken))
        {
            throw ApiException.NotFound("user_not_found", "No such user among the members of the application's organisation.");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await StoreAsync(caller, user, key, wrapped, cancellationToken);
        if (user != application.OwnerId && !await db.AccessApplicationUsers.AnyAsync(u => u.ApplicationId == application.Id && u.UserId == user, cancellationToken))
        {
            db.AccessApplicationUsers.Add(new AccessApplicationUser { ApplicationId = application.Id, UserId = user, CreatedAt = time.UtcNowInMicroseconds() });
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return WrappedKey.Answer(wrapped.EncryptedData.ToJsonString(), wrapped.EncryptedKey.ToJsonString(), key.Id);
    }

    /// <summary>80: the caller's own wrapped private key.</summary>
    public async Task<JsonObject> OwnAsync(Guid caller, string? nId, CancellationToken cancellationToken)
    {
        var (key, _) = await KeyForAsync(new ApplicationOrUser(caller, null), nId, cancellationToken);
        var own = await db.ApplicationPrivateKeys.AsNoTracking().FirstOrDefaultAsync(k => k.PublicKeyId == key.Id && k.UserId == caller, cancellationToken)
            ?? throw ApiException.NotFound("private_key_not_found", "You hold no wrapped private key for this public key.");
        return WrappedKey.Answer(own.EncryptedDataJson, own.EncryptedKeyJson, key.Id);
    }

    /// <summary>81: the caller stores their own wrapped private key (it makes no one authorised).</summary>
    public async Task<JsonObject> StoreOwnAsync(Guid caller, string? nId, JsonElement body, CancellationToken cancellationToken)
    {
        var wrapped = WrappedKey.Check(ObjectOf(body)["key"], "key");
        var (key, _) = await KeyForAsync(new ApplicationOrUser(caller, null), nId, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await StoreAsync(caller, caller, key, wrapped, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return WrappedKey.Answer(wrapped.EncryptedData.ToJsonString(), wrapped.EncryptedKey.ToJsonString(), key.Id);
    }

    /// <summary>82: the users holding a wrapped private key for this public key.</summary>
    public async Task<List<Guid>> UsersAsync(Guid caller, string? nId, CancellationToken cancellationToken)
    {
        var (key, _) = await KeyForAsync(new ApplicationOrUser(caller, null), nId, cancellationToken);
        return await db.ApplicationPrivateKeys.AsNoTracking()
            .Where(k => k.PublicKeyId == key.Id)
            .OrderBy(k => k.CreatedAt).ThenBy(k => k.UserId)
            .Select(k => k.UserId)
            .ToListAsync(cancellationToken);
    }

    public static ApiException NotFound() => ApiException.NotFound("public_key_not_found", "No such public key, or you may not see it.");

    private async Task StoreAsync(Guid caller, Guid user, ApplicationPublicKey key, WrappedKey wrapped, CancellationToken cancellationToken)
    {
        var stored = await db.ApplicationPrivateKeys.FirstOrDefaultAsync(k => k.PublicKeyId == key.Id && k.UserId == user, cancellationToken);
        if (stored is null)
        {
            db.ApplicationPrivateKeys.Add(stored = new ApplicationPrivateKey
            {
                PublicKeyId = key.Id,
                UserId = user,
                EncryptedDataJson = "",
                EncryptedKeyJson = "",
            });
        }
        stored.EncryptedDataJson = wrapped.EncryptedData.ToJsonString();
        stored.EncryptedKeyJson = wrapped.EncryptedKey.ToJsonString();
        stored.StoredBy = caller;
        stored.CreatedAt = time.UtcNowInMicroseconds();
        audit.Record(AuditEventTypes.ApplicationPrivateKeyStore, caller, key.Id, new JsonObject { ["a_id"] = key.ApplicationId, ["u_id"] = user });
    }

    private async Task<(ApplicationPublicKey Key, AccessApplication Application)> KeyForAsync(ApplicationOrUser caller, string? nId, CancellationToken cancellationToken)
    {
        var id = GraphIds.Parse(KeyField, nId);
        var key = await db.ApplicationPublicKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Id == id, cancellationToken) ?? throw NotFound();
        try
        {
            return (key, await access.ForCallerAsync(caller, key.ApplicationId, cancellationToken));
        }
        catch (ApiException hidden) when (hidden.Status == StatusCodes.Status404NotFound)
        {
            throw NotFound();
        }
    }

    private static JsonObject Properties(ApplicationPublicKey key) => new()
    {
        ["properties"] = JsonNode.Parse(key.Jwk),
        ["n_id"] = key.Id,
    };

    private static JsonObject ObjectOf(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object && JsonNode.Parse(body.GetRawText()) is JsonObject request
            ? request
            : throw ApiException.BadRequest("invalid_body", "The body must be a JSON object.");
}
