using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Organizations;

/// <summary>
/// The body of operation 18: the address to invite and, beyond the reference, the role the
/// invitee joins as (`member`, the default, or `admin`).
/// </summary>
public sealed record InviteRequest(string? Email = null, string? Role = null)
{
    public (string Email, OrganizationRole Role) Check()
    {
        var validation = new Validation();
        var email = EmailAddresses.Check(validation, "email", Email);
        var role = Role is null ? OrganizationRole.Member : RoleNames.Parse(Role);
        if (role is null)
        {
            validation.Add("role", "'role' must be \"admin\" or \"member\".");
        }
        validation.ThrowIfAny();
        return (email, role!.Value);
    }
}

/// <summary>The body of `POST .../invites/accept`: the emailed code.</summary>
public sealed record AcceptInviteRequest(string? Code = null)
{
    public string Check()
    {
        var validation = new Validation();
        validation.Required("code", Code);
        if (Code is { Length: > InviteCodes.MaximumInputLength })
        {
            validation.Add("code", $"'code' must be at most {InviteCodes.MaximumInputLength} characters.");
        }
        validation.ThrowIfAny();
        return Code!;
    }
}
