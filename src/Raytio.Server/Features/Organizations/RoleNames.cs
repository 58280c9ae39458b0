namespace Raytio.Server.Features.Organizations;

/// <summary>The roles as the API names them: `admin` and `member`.</summary>
public static class RoleNames
{
    public const string Admin = "admin";
    public const string Member = "member";

    public static string Of(OrganizationRole role) => role == OrganizationRole.Admin ? Admin : Member;

    public static OrganizationRole? Parse(string? name) => name switch
    {
        Admin => OrganizationRole.Admin,
        Member => OrganizationRole.Member,
        _ => null,
    };
}
