using System.Text.Json;

namespace Raytio.Server.Features.Relationships;

/// <summary>Operations 62 and 63: `{from, to, type, properties?}` (63 ignores properties).</summary>
public sealed record RelationshipRequest(string? From = null, string? To = null, string? Type = null, JsonElement? Properties = null);
