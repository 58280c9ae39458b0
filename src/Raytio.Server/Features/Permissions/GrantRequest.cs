namespace Raytio.Server.Features.Permissions;

/// <summary>
/// Operation 48: `{u_id | g_id, permission, cascade}`. Ids are strings so that a malformed one is
/// reported by name; g_id may also be the word `PUBLIC`.
/// </summary>
public sealed record GrantRequest(string? UId = null, string? GId = null, string? Permission = null, bool? Cascade = null);
