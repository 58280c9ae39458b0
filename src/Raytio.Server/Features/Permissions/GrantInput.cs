using Raytio.Server.Features.Graph;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Permissions;

/// <summary>A checked grant request: who receives which permission, and whether it cascades.</summary>
public sealed record GrantInput(NodeKind GranteeKind, Guid GranteeKey, string Type, bool Cascade)
{
    public static GrantInput Parse(GrantRequest request)
    {
        var type = ParseType(request.Permission);
        var problems = new Validation();
        var hasUser = !string.IsNullOrEmpty(request.UId);
        var hasGroup = !string.IsNullOrEmpty(request.GId);
        if (hasUser == hasGroup)
        {
            const string message = "Exactly one of 'u_id' and 'g_id' is required.";
            problems.Add("u_id", message).Add("g_id", message).ThrowIfAny();
        }
        var kind = hasUser ? NodeKind.User : NodeKind.Group;
        var key = Guid.Empty;
        if (hasUser && !Guid.TryParse(request.UId, out key))
        {
            problems.Add("u_id", "'u_id' must be a GUID.");
        }
        if (hasGroup && !PublicGroup.TryParseGroupId(request.GId, out key))
        {
            problems.Add("g_id", "'g_id' must be a GUID or PUBLIC.");
        }
        if (hasGroup && key == PublicGroup.Key && type != RelationshipTypes.Views)
        {
            problems.Add("permission", "PUBLIC can only hold VIEWS.");
        }
        problems.ThrowIfAny();
        return new GrantInput(kind, key, type, request.Cascade ?? true);
    }

    private static string ParseType(string? permission)
    {
        if (permission == RelationshipTypes.IsOwner)
        {
            throw ApiException.BadRequest("use_owner_endpoints", "IS_OWNER is not granted here: take or transfer ownership through the owner endpoints.");
        }
        if (permission is null || !RelationshipTypes.Grantable.Contains(permission))
        {
            throw ApiException.Invalid("permission", $"'permission' must be one of {string.Join(", ", RelationshipTypes.Grantable)}.");
        }
        return permission;
    }
}
