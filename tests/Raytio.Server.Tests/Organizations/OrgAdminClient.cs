using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Organizations;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Organizations;

/// <summary>Operations 12 and 26 and the role and removal additions as the tests call them.</summary>
internal static class OrgAdminClient
{
    public static Task<HttpResponseMessage> UpdateOrgAsync(this RaytioFactory app, Org org, string? bearer, string json) =>
        app.SendJsonTextAsync(HttpMethod.Put, org.Path, json, bearer);

    public static Task<HttpResponseMessage> OrgMembersAsync(this RaytioFactory app, Org org, string? bearer) =>
        app.GetAsync($"{org.Path}/users", bearer);

    public static Task<HttpResponseMessage> ChangeOrgRoleAsync(this RaytioFactory app, Org org, string? bearer, object userId, string role) =>
        app.SendJsonTextAsync(HttpMethod.Put, $"{org.Path}/users/{userId}/role", JsonSerializer.Serialize(new { role }), bearer);

    public static Task<HttpResponseMessage> RemoveOrgMemberAsync(this RaytioFactory app, Org org, string? bearer, object userId) =>
        app.SendAsync(HttpMethod.Delete, $"{org.Path}/users/{userId}", null, bearer);

    public static Task<OrganizationRole?> RoleOfAsync(this RaytioFactory app, Org org, Guid userId) =>
        app.WithDbAsync(db => db.OrganizationMembers.Where(m => m.OrganizationId == org.Id && m.UserId == userId).Select(m => (OrganizationRole?)m.Role).FirstOrDefaultAsync());

    public static Task<int> AdministratorsAsync(this RaytioFactory app, Org org) =>
        app.WithDbAsync(db => db.OrganizationMembers.CountAsync(m => m.OrganizationId == org.Id && m.Role == OrganizationRole.Admin));

    public static Task<List<AuditEvent>> OrgEventsAsync(this RaytioFactory app, Org org, string eventType) =>
        app.WithDbAsync(db => db.AuditEvents.Where(e => e.SubjectId == org.Id && e.EventType == eventType).OrderBy(e => e.Id).ToListAsync());

    /// <summary>One field of an event's details (PostgreSQL's jsonb respaces the text).</summary>
    public static string? Detail(this AuditEvent audit, string field) =>
        JsonDocument.Parse(audit.EventJson).RootElement.TryGetProperty(field, out var value) ? value.ToString() : null;
}
