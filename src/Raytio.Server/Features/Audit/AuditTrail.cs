using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Raytio.Server.Data;
using Raytio.Server.Features.Secrets;
using Raytio.Server.Hosting;
using Raytio.Signing;

namespace Raytio.Server.Features.Audit;

/// <summary>
/// Records audit events. A change records its event with <see cref="Record"/> on the same
/// context, so it commits (or not) with the change in the change's own transaction, unchained.
/// Values are never stored: <see cref="HmacAsync"/> turns one into an HMAC under a server secret.
/// </summary>
public sealed class AuditTrail(RaytioDbContext db, AuditReadBuffer reads, ServerSecrets secrets, TimeProvider time)
{
    public const string SecretName = "audit-values";

    /// <summary>Adds an event to the context; it is saved by the caller's next SaveChanges.</summary>
    public void Record(string eventType, Guid? userId, Guid subjectId, JsonObject? details = null) =>
        db.AuditEvents.Add(new AuditEvent
        {
            OccurredAt = time.UtcNowInMicroseconds(),
            EventType = eventType,
            UserId = userId,
            SubjectId = subjectId,
            EventJson = (details ?? []).ToJsonString(),
        });

    /// <summary>Queues a read of these subjects by <paramref name="userId"/> (null: anonymous), written in the next batch.</summary>
    public void RecordReads(Guid? userId, IEnumerable<Guid> subjectIds)
    {
        var now = time.UtcNowInMicroseconds();
        foreach (var subjectId in subjectIds)
        {
            reads.Enqueue(new AuditEvent { OccurredAt = now, EventType = AuditEventTypes.ProfileRead, UserId = userId, SubjectId = subjectId });
        }
    }

    /// <summary>An HMAC-SHA256 (hex) of a value's canonical text, so equal values can be recognised without being revealed.</summary>
    public async ValueTask<string> HmacAsync(JsonNode? value, CancellationToken cancellationToken)
    {
        var key = await secrets.GetAsync(SecretName, cancellationToken);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, CanonicalBytes(value)));
    }

    /// <summary>RFC 8785, so key order and spacing do not matter; the plain text for the rare value without a canonical form.</summary>
    private static byte[] CanonicalBytes(JsonNode? value)
    {
        try
        {
            return JsonCanonicalizer.Canonicalize(value);
        }
        catch (CanonicalizationException)
        {
            return Encoding.UTF8.GetBytes(value?.ToJsonString() ?? "null");
        }
    }
}
