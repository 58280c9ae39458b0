namespace Raytio.Server.Tests.OrganizationAuthorization;

/// <summary>Who calls, relative to the organisation under test (see <see cref="OrgMatrixCast"/>).</summary>
public enum OrgRole
{
    Admin,
    Member,
    OtherOrgAdmin,
    Unrelated,
    Anonymous,
}

/// <summary>
/// The expected outcome of every /org/ operation of issue 10 (and the /l/ redirect) for every
/// role, as data: one line per operation, one column per role, read with
/// <see cref="GraphAuthorization.AuthorizationMatrix.Parse{TRole}"/>. An outcome is a status, `in`
/// / `out` for operation 7's list with / without the organisation under test, or `-` where
/// docs/ORGANISATIONS.md does not decide. The statuses are its table "Who may do what": 401 for
/// anonymous callers of bearer routes, the 404 of an unknown org_id for non-members, 403 for
/// members asking for an administrator's operation.
/// </summary>
public static class OrganizationMatrix
{
    public static readonly string[] Operations =
    [
        // operation                 adm  mem  oadm unrl anon
        "7-list                      in   in   out  out  401",
        "8-create                    200  200  200  200  401",
        "9-link                      200  200  200  200  401",
        "10-read-link                200  200  200  200  200",
        "l-redirect                  302  302  302  302  302",
        "11-read                     200  200  404  404  401",
        "11-malformed-org-id         400  400  400  400  401",
        "12-update                   200  403  404  404  401",
        "13-create-request           200  200  404  404  401",
        "14-list-requests            200  200  404  404  401",
        "15-resend-request           200  200  404  404  401",
        "15-delete-request           200  200  404  404  401",
        "16-read-domain              200  200  404  404  401",
        "17-set-domain               200  403  404  404  401",
        // A domain another organisation holds: only an administrator of this one learns that.
        "17-domain-taken             409  403  404  404  401",
        "public-domain               200  200  200  200  200",
        "18-invite                   200  403  404  404  401",
        "invite-revoke               200  403  404  404  401",
        // The invitation is addressed to the caller (to a bystander for the anonymous caller);
        // what a member re-accepting hears is the server's choice.
        "invite-accept               -    -    200  200  401",
        // The caller holds the code of an invitation to someone else.
        "invite-accept-other-address 403  403  403  403  401",
        "26-members                  200  200  404  404  401",
        "31-org-link                 200  200  404  404  401",
        // Makes a bystander member an administrator (another administrator remains in the organisation).
        "role-change                 200  403  404  404  401",
        // The administrator demotes themselves while they are the only one.
        "role-demote-sole-admin      409  403  404  404  401",
        "remove-member               200  403  404  404  401",
        // The caller removes themselves (another administrator remains).
        "leave                       200  200  404  404  401",
        "leave-sole-admin            409  200  404  404  401",
    ];
}
