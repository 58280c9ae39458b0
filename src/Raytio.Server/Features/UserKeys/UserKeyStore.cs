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
        var record = await RecordAsync(caller, cancellationToken);
        record.PublicJwk = jwk.ToJsonString();
        record.UpdatedAt = time.UtcNowInMicroseconds();
        audit.Record(AuditEventTypes.UserPublicKeySet, caller, caller);
        await db.SaveChangesAsync(cancellationToken);
        return PublicAnswer(caller, record.PublicJwk);
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
        var record = await RecordAsync(caller, cancellationToken);
        record.WrappedPrivateKeyJson = new JsonObject { ["encrypted_data"] = wrapped.EncryptedData, ["encrypted_key"] = wrapped.EncryptedKey }.ToJsonString();
        record.UpdatedAt = time.UtcNowInMicroseconds();
        audit.Record(AuditEventTypes.UserPrivateKeySet, caller, caller);
        await db.SaveChangesAsync(cancellationToken);
        return PrivateAnswer(caller, record.WrappedPrivateKeyJson);
    }

    public async Task<JsonObject> ReadPrivateAsync(Guid caller, CancellationToken cancellationToken)
    {
        var wrapped = await db.UserKeys.AsNoTracking().Where(k => k.UserId == caller).Select(k => k.WrappedPrivateKeyJson).FirstOrDefaultAsync(cancellationToken)
            ?? throw ApiException.NotFound("private_key_not_found", "You have stored no wrapped private key.");
        return PrivateAnswer(caller, wrapped);
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
