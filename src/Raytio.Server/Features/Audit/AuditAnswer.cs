using System.Globalization;
using System.Text.Json;

namespace Raytio.Server.Features.Audit;

/// <summary>
/// One event as operation 89 answers it: the reference's `{date, event_type, u_id, event}` plus
/// `id`, the event's number, which `starting_after` takes to page on.
/// </summary>
public sealed record AuditAnswer(long Id, string Date, string EventType, Guid? UId, JsonElement Event)
{
    /// <summary>The reference's form: UTC without a zone designator, microseconds ("2020-04-26T18:39:54.616927").</summary>
    public const string DateFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff";

    public static AuditAnswer From(AuditEvent recorded) => new(
        recorded.Id,
        recorded.OccurredAt.ToString(DateFormat, CultureInfo.InvariantCulture),
        recorded.EventType,
        recorded.UserId,
        JsonSerializer.Deserialize<JsonElement>(recorded.EventJson));
}
