namespace Raytio.Server.Features.Auth;

/// <summary>
/// Signup's `verification_code_org`: an organisation's invitation of the signup address,
/// implemented by the organisations area so that signup does not know its tables.
/// </summary>
public interface ISignupInvitations
{
    /// <summary>
    /// The pending invitation of <paramref name="username"/> that <paramref name="code"/> names;
    /// 400 invalid_invite_code otherwise, counted like a wrong verification code. It reads no
    /// account, so its answer does not depend on whether one exists. Call before any transaction.
    /// </summary>
    Task<SignupInvitation> FindAsync(string code, string username, HttpContext http, CancellationToken cancellationToken);

    /// <summary>
    /// Inside the signup's transaction, on every path: locks the organisation and, when
    /// <paramref name="userId"/> is given, adds that account to the changes being saved as a
    /// member and marks the invitation accepted. Without it (a confirmed account, which accepts
    /// after signing in) the invitation stays pending.
    /// </summary>
    Task JoinAsync(SignupInvitation invitation, Guid? userId, CancellationToken cancellationToken);
}

/// <summary>A pending invitation found by its code.</summary>
public sealed record SignupInvitation(Guid InviteId, Guid OrganizationId);
