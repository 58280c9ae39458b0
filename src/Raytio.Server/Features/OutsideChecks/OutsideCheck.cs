using System.Text.Json.Nodes;

namespace Raytio.Server.Features.OutsideChecks;

/// <summary>
/// One call of an outside check as <see cref="OutsideCheckRunner"/> runs it: who asks, for which
/// organisation (`org_id`, optional: a person acting for themselves is not metered), the
/// <see cref="Billing.Metering.MeteredChecks"/> name, the audit event type, and what the audit
/// trail may hold of the request (ids and HMACs of personal values, never the values).
/// </summary>
public sealed record OutsideCheck(Guid Caller, string? OrgId, string MeteredCheck, string AuditEvent, JsonObject AuditDetails);
