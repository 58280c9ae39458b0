using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Features.Graph;
using Raytio.Server.Features.Organizations;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Groups;

/// <summary>
/// What the caller is to a group: the permission they hold on it (from <see cref="PermissionService"/>:
/// IS_OWNER, ADMINS, directly or through another group) and whether they BELONG_TO it. Members and
/// IS_OWNER / ADMINS holders see the group; everyone else gets 404 as if it did not exist, and
/// so does everyone for the PUBLIC group, which no operation reads or changes.
/// </summary>
public sealed class GroupAccess(RaytioDbContext db, PermissionService permissions, GraphPrincipals principals, TimeProvider time)
{
    public const string RouteField = "g_id";

    /// <summary>The group as the caller sees it, for a read.</summary>
    public async Task<GroupCaller> ReadAsync(Guid caller, string gId, CancellationToken cancellationToken)
    {
        var group = await FindAsync(gId, cancellationToken);
        return await DescribeAsync(caller, group, cancellationToken);
    }

    /// <summary>
    /// The group as the caller sees it, for a change: call inside the change's transaction. The
    /// group's row stays locked until the transaction ends, so concurrent changes of one group
    /// take turns and each sees what the one before committed.
    /// </summary>
    public async Task<GroupCaller> LockAsync(Guid caller, string gId, CancellationToken cancellationToken)
    {
        var group = await FindAsync(gId, cancellationToken);
        if (!await db.LockNodeAsync(group.Id, time.GetUtcNow().UtcDateTime, cancellationToken))
        {
            throw PermissionService.NotFound(NodeKind.Group);
        }
        var described = await DescribeAsync(caller, group, cancellationToken);
        if (described.CanSee && OrganizationLabels.IsOrganizationGroup(group.LabelsJson))
        {
            // Its memberships mirror the organisation's: they change only through /org/ operations.
            throw ApiException.Forbidden("organization_group",
                "This is an organisation's members group: manage its members with the organisation's operations (/org/{version}/organizations/{orgID}/...).");
        }
        return described;
    }

    private async Task<GraphNode> FindAsync(string gId, CancellationToken cancellationToken)
    {
        var key = GraphIds.ParseGroup(RouteField, gId);
        var group = key == PublicGroup.Key
            ? null
            : await db.GraphNodes.AsNoTracking().FirstOrDefaultAsync(n => n.Key == key && n.Kind == NodeKind.Group, cancellationToken);
        return group ?? throw PermissionService.NotFound(NodeKind.Group);
    }

    private async Task<GroupCaller> DescribeAsync(Guid caller, GraphNode group, CancellationToken cancellationToken)
    {
        var callerNode = await principals.ExistingUserNodeAsync(caller, cancellationToken);
        var isMember = callerNode is { } node && await db.GraphRelationships
            .AnyAsync(r => r.StartId == node && r.Type == RelationshipTypes.BelongsTo && r.EndId == group.Id, cancellationToken);
        var held = await permissions.EffectiveAsync(caller, group.Id, cancellationToken);
        return new GroupCaller(group, callerNode, held, isMember);
    }
}

/// <summary>A group and what the caller may do with it; each Require answers 404 to those who may not see it.</summary>
public sealed record GroupCaller(GraphNode Group, long? CallerNode, Permission Held, bool IsMember)
{
    public bool CanSee => IsMember || Held >= Permission.Admin;

    public GroupCaller RequireVisible() => CanSee ? this : throw PermissionService.NotFound(NodeKind.Group);

    /// <summary>Adding and removing members: ADMINS or IS_OWNER.</summary>
    public GroupCaller RequireAdmin() => RequireAtLeast(Permission.Admin, "IS_OWNER or ADMINS");

    /// <summary>Transferring and deleting: the owner only.</summary>
    public GroupCaller RequireOwner() => RequireAtLeast(Permission.Own, "IS_OWNER");

    private GroupCaller RequireAtLeast(Permission needed, string described)
    {
        RequireVisible();
        return Held >= needed ? this : throw ApiException.Forbidden("forbidden", $"This needs {described} on the group.");
    }
}
