namespace Raytio.Server.Features.Graph;

/// <summary>The relationship types the graph gives meaning to; any other type relates two profile objects.</summary>
public static class RelationshipTypes
{
    public const string IsOwner = "IS_OWNER";
    public const string Admins = "ADMINS";
    public const string Edits = "EDITS";
    public const string Views = "VIEWS";
    public const string BelongsTo = "BELONGS_TO";

    /// <summary>The permission types, strongest first.</summary>
    public static readonly IReadOnlyList<string> Permissions = [IsOwner, Admins, Edits, Views];

    /// <summary>The types operation 48 may grant (IS_OWNER only moves through the owner endpoints).</summary>
    public static readonly IReadOnlyList<string> Grantable = [Admins, Edits, Views];

    /// <summary>Types with a meaning of their own, which a relationship between objects may not take.</summary>
    public static bool IsReserved(string type) => Permissions.Contains(type) || type == BelongsTo;
}
