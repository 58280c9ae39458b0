namespace Raytio.Server.Features.Graph;

/// <summary>
/// What a caller may do with a node, each level including the ones below it: IS_OWNER gives Own,
/// ADMINS Admin (grant, relate, change), EDITS Edit (update properties), VIEWS View (read).
/// </summary>
public enum Permission
{
    None = 0,
    View = 1,
    Edit = 2,
    Admin = 3,
    Own = 4,
}

public static class PermissionLevels
{
    public static Permission Of(string relationshipType) => relationshipType switch
    {
        RelationshipTypes.IsOwner => Permission.Own,
        RelationshipTypes.Admins => Permission.Admin,
        RelationshipTypes.Edits => Permission.Edit,
        RelationshipTypes.Views => Permission.View,
        _ => Permission.None,
    };

    /// <summary>The relationship types that give at least <paramref name="needed"/>.</summary>
    public static string[] TypesGiving(Permission needed) =>
        [.. RelationshipTypes.Permissions.Where(type => Of(type) >= needed)];
}
