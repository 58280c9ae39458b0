using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Features.AccessApplications;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Graph;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.UserKeys;

/// <summary>
/// A person's own key pair: the public JWK, which anyone signed in reads to wrap an application's
/// private key for them (operation 79), and the private key wrapped by the person (e.g. with a
/// password-derived key), which only they read.
/// </summary>
public sealed class UserKeyStore(RaytioDbContext db, AuditTrail audit, TimeProvider time)
{
    public const string UserField = "u_id";

    public async Task<JsonObject> PutPublicAsync(Guid caller, JsonElement body, CancellationToken cancellationToken)
    {
        var jwk = PublicJwk.Check(body.ValueKind == JsonValueKind.Object ? JsonNode.Parse(body.GetRawText()) : null, "key");
        var record = await SaveAsync(caller, r => r.PublicJwk = jwk.ToJsonString(), AuditEventTypes.UserPublicKeySet, cancellationToken);
        return PublicAnswer(caller, record.PublicJwk!);
    }

    /// <summary>Anyone's public key; `me` names the caller.</summary>
    public async Task<JsonObject> ReadPublicAsync(Guid caller, string? uId, CancellationToken cancellationToken)
    {
        var user = uId == "me" ? caller : GraphIds.Parse(UserField, uId);
        var jwk = await db.UserKeys.AsNoTracking().Where(k => k.UserId == user).Select(k => k.PublicJwk).FirstOrDefaultAsync(cancellationToken)
            ?? throw ApiException.NotFound("public_key_not_found", "No such user, or they have no public key.");
        return PublicAnswer(user, jwk);
    }

    public async Task<JsonObject> PutPrivateAsync(Guid caller, JsonElement body, CancellationToken cancellationToken)
    {
        var request = body.ValueKind == JsonValueKind.Object ? JsonNode.Parse(body.GetRawText()) as JsonObject : null;
        var wrapped = WrappedKey.Check(request?["key"], "key");
        var stored = new JsonObject { ["encrypted_data"] = wrapped.EncryptedData, ["encrypted_key"] = wrapped.EncryptedKey }.ToJsonString();
        var record = await SaveAsync(caller, r => r.WrappedPrivateKeyJson = stored, AuditEventTypes.UserPrivateKeySet, cancellationToken);
        return PrivateAnswer(caller, record.WrappedPrivateKeyJson!);
    }

    public async Task<JsonObject> ReadPrivateAsync(Guid caller, CancellationToken cancellationToken)
    {
        var wrapped = await db.UserKeys.AsNoTracking().Where(k => k.UserId == caller).Select(k => k.WrappedPrivateKeyJson).FirstOrDefaultAsync(cancellationToken)
            ?? throw ApiException.NotFound("private_key_not_found", "You have stored no wrapped private key.");
        return PrivateAnswer(caller, wrapped);
    }

    /// <summary>
    /// Applies the change to the caller's row, made if missing. Two first PUTs may race to make
    /// it: the loser applies its change to the winner's row instead of failing on the key.
    /// </summary>
    private async Task<UserKeyRecord> SaveAsync(Guid caller, Action<UserKeyRecord> change, string auditEvent, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var record = await RecordAsync(caller, cancellationToken);
            change(record);
            record.UpdatedAt = time.UtcNowInMicroseconds();
            audit.Record(auditEvent, caller, caller);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return record;
            }
            catch (DbUpdateException failure) when (attempt == 1 && failure.IsUniqueViolation())
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<UserKeyRecord> RecordAsync(Guid caller, CancellationToken cancellationToken)
    {
        var record = await db.UserKeys.FirstOrDefaultAsync(k => k.UserId == caller, cancellationToken);
        if (record is null)
        {
            db.UserKeys.Add(record = new UserKeyRecord { UserId = caller });
        }
        return record;
    }

    private static JsonObject PublicAnswer(Guid user, string jwk) => new()
    {
        ["properties"] = JsonNode.Parse(jwk),
        ["u_id"] = user,
    };

    private static JsonObject PrivateAnswer(Guid user, string wrapped)
    {
        var answer = JsonNode.Parse(wrapped)!.AsObject();
        answer["u_id"] = user;
        return answer;
    }
}
