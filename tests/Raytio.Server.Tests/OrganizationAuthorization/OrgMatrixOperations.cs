using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Organizations;

namespace Raytio.Server.Tests.OrganizationAuthorization;

/// <summary>What an operation of the matrix acts on (<see cref="OrgMatrixCast"/> makes it).</summary>
public enum OrgSetup
{
    /// <summary>The shared organisation (Keeper and Admin administrators, Member a member).</summary>
    SharedOrg,

    /// <summary>Item: a short link the keeper made through operation 9.</summary>
    Link,

    /// <summary>Item: a domain of the shared organisation, set through operation 17.</summary>
    Domain,

    /// <summary>Item: a domain name nobody holds yet.</summary>
    NewDomain,

    /// <summary>Item: a domain the other organisation holds.</summary>
    TakenDomain,

    /// <summary>Item: the request_short_code of an application request of the shared organisation.</summary>
    Request,

    /// <summary>Item: the invite_id of an invitation of the shared organisation.</summary>
    Invite,

    /// <summary>A new organisation shaped as the shared one; Item: the code of an invitation to the caller (to the bystander for anonymous callers).</summary>
    InviteToCaller,

    /// <summary>A new organisation shaped as the shared one; Item: the code of an invitation to the bystander.</summary>
    InviteToBystander,

    /// <summary>A new organisation shaped as the shared one, with the bystander a member; Other: the bystander.</summary>
    FreshOrg,

    /// <summary>A new organisation Admin made (its only administrator), with Member and the bystander members; Other: Admin.</summary>
    SoleAdminOrg,
}

/// <summary>The ids an operation is called with; <see cref="Org"/> is what a non-member must learn nothing about.</summary>
public sealed record OrgSubject(Guid Org, string Item = "", Guid Other = default)
{
    public string Path => $"/org/v1/organizations/{Org}";
}

/// <summary>
/// How to call one operation of the matrix. <paramref name="Route"/>: the method and path it
/// covers (parameter names free). <paramref name="Fresh"/>: each check gets a subject of its own,
/// because the operation changes it. <paramref name="Listing"/>: a 200 list that does or does not
/// show the organisation under test. <paramref name="Forbidden"/> and <paramref name="Conflict"/>:
/// the codes its 403 and 409 carry (403 is `forbidden` unless named).
/// </summary>
internal sealed record OrgMatrixOperation(
    string Name,
    string Route,
    OrgSetup Setup,
    bool Fresh,
    bool Listing,
    Func<OrgMatrixCast, OrgSubject, GraphUser?, Task<HttpResponseMessage>> Call,
    string Forbidden = "forbidden",
    string? Conflict = null)
{
    /// <summary>The code an error of <paramref name="status"/> must carry; null: any code.</summary>
    public string? CodeOf(int status) => status switch
    {
        401 => "unauthorized",
        403 => Forbidden,
        404 => "organization_not_found",
        409 => Conflict,
        _ => null,
    };

    public const string LinkUrl = "https://example.com/form/matrix?pages=1";

    public static object DomainBody(string domain) => new
    {
        name = domain,
        theme = new { palette = new { primary = "#123456" } },
        logo = new { url = "https://example.com/logo.png" },
    };

    /// <summary>Operation 13's body, or 15's with a state.</summary>
    public static JsonObject ApplicationRequestBody(string? state = null)
    {
        var body = new JsonObject
        {
            ["email"] = "applicant@example.com",
            ["page_link"] = "https://app.rayt.io/form/705faae0-ab27-41e2-971e-d85da6329c0f",
            ["source"] = "https://app.rayt.io/requests",
            ["a_id"] = "c14fcbf2-9c47-45af-acc2-8a484656a321",
            ["aa_name"] = "My app",
        };
        if (state is not null)
        {
            body["state"] = state;
        }
        return body;
    }

    public static IReadOnlyList<OrgMatrixOperation> All { get; } =
    [
        new("7-list", "GET /org/{version}/organizations", OrgSetup.SharedOrg, false, true, (c, _, u) => c.App.GetAsync("/org/v1/organizations", u?.Bearer)),
        new("8-create", "POST /org/{version}/organizations", OrgSetup.SharedOrg, false, false, (c, _, u) => c.App.PostJsonAsync("/org/v1/organizations", OrgSeed.Body("Made in the matrix"), u?.Bearer)),
        new("9-link", "POST /org/{version}/links", OrgSetup.SharedOrg, false, false, (c, _, u) => c.App.PostJsonAsync("/org/v1/links", new { url = LinkUrl, persist = false }, u?.Bearer)),
        new("10-read-link", "GET /org/{version}/links/{short_link_id}", OrgSetup.Link, false, false, (c, s, u) => c.App.GetAsync($"/org/v1/links/{s.Item}", u?.Bearer)),
        new("l-redirect", "GET /l/{short_link_id}", OrgSetup.Link, false, false, (c, s, u) => c.GetWithoutRedirectAsync($"/l/{s.Item}", u?.Bearer)),
        new("11-read", "GET /org/{version}/organizations/{orgID}", OrgSetup.SharedOrg, false, false, (c, s, u) => c.App.GetAsync(s.Path, u?.Bearer)),
        new("11-malformed-org-id", "GET /org/{version}/organizations/{orgID}", OrgSetup.SharedOrg, false, false, (c, _, u) => c.App.GetAsync("/org/v1/organizations/not-an-id", u?.Bearer)),
        new("12-update", "PUT /org/{version}/organizations/{orgID}", OrgSetup.SharedOrg, false, false, (c, s, u) => c.App.SendAsync(HttpMethod.Put, s.Path, Json(OrgSeed.Body("Renamed in the matrix")), u?.Bearer)),
        new("13-create-request", "POST /org/{version}/organizations/{orgID}/application_requests", OrgSetup.SharedOrg, false, false, (c, s, u) => c.App.PostJsonAsync($"{s.Path}/application_requests", ApplicationRequestBody(), u?.Bearer)),
        new("14-list-requests", "GET /org/{version}/organizations/{orgID}/application_requests", OrgSetup.Request, false, false, (c, s, u) => c.App.GetAsync($"{s.Path}/application_requests", u?.Bearer)),
        new("15-resend-request", "PATCH /org/{version}/organizations/{orgID}/application_requests/{short_code}", OrgSetup.Request, true, false, (c, s, u) => c.App.SendAsync(HttpMethod.Patch, $"{s.Path}/application_requests/{s.Item}", Json(ApplicationRequestBody("resend")), u?.Bearer)),
        new("15-delete-request", "PATCH /org/{version}/organizations/{orgID}/application_requests/{short_code}", OrgSetup.Request, true, false, (c, s, u) => c.App.SendAsync(HttpMethod.Patch, $"{s.Path}/application_requests/{s.Item}", Json(ApplicationRequestBody("deleted")), u?.Bearer)),
        new("16-read-domain", "GET /org/{version}/organizations/{orgID}/domains/{domain}", OrgSetup.Domain, false, false, (c, s, u) => c.App.GetAsync($"{s.Path}/domains/{s.Item}", u?.Bearer)),
        new("17-set-domain", "POST /org/{version}/organizations/{orgID}/domains/{domain}", OrgSetup.NewDomain, true, false, (c, s, u) => c.App.PostJsonAsync($"{s.Path}/domains/{s.Item}", DomainBody(s.Item), u?.Bearer)),
        new("17-domain-taken", "POST /org/{version}/organizations/{orgID}/domains/{domain}", OrgSetup.TakenDomain, false, false, (c, s, u) => c.App.PostJsonAsync($"{s.Path}/domains/{s.Item}", DomainBody(s.Item), u?.Bearer), Conflict: "domain_taken"),
        new("public-domain", "GET /org/{version}/public/domains/{domain}", OrgSetup.Domain, false, false, (c, s, u) => c.App.GetAsync($"/org/v1/public/domains/{s.Item}", u?.Bearer)),
        new("18-invite", "POST /org/{version}/organizations/{orgID}/invites", OrgSetup.SharedOrg, false, false, (c, s, u) => c.App.PostJsonAsync($"{s.Path}/invites", new { email = RaytioFactory.NewEmail() }, u?.Bearer)),
        new("invite-revoke", "DELETE /org/{version}/organizations/{orgID}/invites/{invite_id}", OrgSetup.Invite, true, false, (c, s, u) => c.App.SendAsync(HttpMethod.Delete, $"{s.Path}/invites/{s.Item}", null, u?.Bearer)),
        new("invite-accept", "POST /org/{version}/organizations/{orgID}/invites/accept", OrgSetup.InviteToCaller, true, false, (c, s, u) => c.App.PostJsonAsync($"{s.Path}/invites/accept", new { code = s.Item }, u?.Bearer)),
        new("invite-accept-other-address", "POST /org/{version}/organizations/{orgID}/invites/accept", OrgSetup.InviteToBystander, true, false, (c, s, u) => c.App.PostJsonAsync($"{s.Path}/invites/accept", new { code = s.Item }, u?.Bearer), Forbidden: "invite_email_mismatch"),
        new("26-members", "GET /org/{version}/organizations/{orgID}/users", OrgSetup.SharedOrg, false, false, (c, s, u) => c.App.GetAsync($"{s.Path}/users", u?.Bearer)),
        new("31-org-link", "POST /org/{version}/organizations/{orgID}/links", OrgSetup.SharedOrg, false, false, (c, s, u) => c.App.PostJsonAsync($"{s.Path}/links", new { url = LinkUrl, description = "Made in the matrix" }, u?.Bearer)),
        new("role-change", "PUT /org/{version}/organizations/{orgID}/users/{u_id}/role", OrgSetup.FreshOrg, true, false, (c, s, u) => c.App.SendAsync(HttpMethod.Put, $"{s.Path}/users/{s.Other}/role", Json(new { role = "admin" }), u?.Bearer)),
        new("role-demote-sole-admin", "PUT /org/{version}/organizations/{orgID}/users/{u_id}/role", OrgSetup.SoleAdminOrg, true, false, (c, s, u) => c.App.SendAsync(HttpMethod.Put, $"{s.Path}/users/{s.Other}/role", Json(new { role = "member" }), u?.Bearer), Conflict: "last_administrator"),
        new("remove-member", "DELETE /org/{version}/organizations/{orgID}/users/{u_id}", OrgSetup.FreshOrg, true, false, (c, s, u) => c.App.SendAsync(HttpMethod.Delete, $"{s.Path}/users/{s.Other}", null, u?.Bearer)),
        new("leave", "DELETE /org/{version}/organizations/{orgID}/users/{u_id}", OrgSetup.FreshOrg, true, false, (c, s, u) => c.App.SendAsync(HttpMethod.Delete, $"{s.Path}/users/{u?.Id ?? s.Other}", null, u?.Bearer)),
        new("leave-sole-admin", "DELETE /org/{version}/organizations/{orgID}/users/{u_id}", OrgSetup.SoleAdminOrg, true, false, (c, s, u) => c.App.SendAsync(HttpMethod.Delete, $"{s.Path}/users/{u?.Id ?? s.Other}", null, u?.Bearer), Conflict: "last_administrator"),
    ];

    public static OrgMatrixOperation Named(string name) =>
        All.SingleOrDefault(o => o.Name == name) ?? throw new KeyNotFoundException($"The matrix names an operation '{name}' that OrgMatrixOperation does not define.");

    private static JsonContent Json(object body) => JsonContent.Create(body);
}
