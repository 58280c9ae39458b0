using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Raytio.Signing;

namespace Raytio.Server.Features.Audit;

/// <summary>
/// The hash chain of sealed events: Hash = SHA-256(PreviousHash || canonical bytes of the event),
/// PreviousHash being the hash of the event sealed just before (32 zero bytes for the first). The
/// canonical bytes are the RFC 8785 form of {id, seal_sequence, occurred_at, event_type, u_id,
/// subject_id, event}, so they do not depend on the engine (PostgreSQL's jsonb reorders keys).
/// </summary>
public static class AuditChain
{
    public const int HashLength = 32;

    /// <summary>Microseconds, the precision of PostgreSQL timestamps; <see cref="AuditTrail"/> stores no finer.</summary>
    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    /// <summary>The previous hash of the first sealed event.</summary>
    public static byte[] Genesis() => new byte[HashLength];

    /// <exception cref="CanonicalizationException">The stored event JSON is not valid JSON.</exception>
    public static byte[] Hash(ReadOnlySpan<byte> previousHash, AuditEvent sealedEvent)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(previousHash);
        hash.AppendData(CanonicalBytes(sealedEvent));
        return hash.GetHashAndReset();
    }

    /// <exception cref="CanonicalizationException">The stored event JSON is not valid JSON.</exception>
    public static byte[] CanonicalBytes(AuditEvent sealedEvent)
    {
        var json = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(json))
        {
            writer.WriteStartObject();
            writer.WriteString("id", sealedEvent.Id.ToString(CultureInfo.InvariantCulture));
            writer.WriteString("seal_sequence", sealedEvent.SealSequence?.ToString(CultureInfo.InvariantCulture));
            writer.WriteString("occurred_at", sealedEvent.OccurredAt.ToString(TimeFormat, CultureInfo.InvariantCulture));
            writer.WriteString("event_type", sealedEvent.EventType);
            writer.WriteString("u_id", sealedEvent.UserId?.ToString("D"));
            writer.WriteString("subject_id", sealedEvent.SubjectId.ToString("D"));
            writer.WritePropertyName("event");
            writer.WriteRawValue(JsonCanonicalizer.Canonicalize(sealedEvent.EventJson), skipInputValidation: true);
            writer.WriteEndObject();
        }
        return JsonCanonicalizer.Canonicalize(json.WrittenSpan);
    }
}
