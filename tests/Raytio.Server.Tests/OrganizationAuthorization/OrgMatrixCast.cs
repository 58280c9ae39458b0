using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Raytio.Server.Features.Organizations;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Organizations;

namespace Raytio.Server.Tests.OrganizationAuthorization;

/// <summary>
/// The accounts and organisations of the matrix, made once per host, and the subjects each check
/// starts from. The shared organisation: the keeper made it, Admin is a second administrator,
/// Member a member; OtherOrgAdmin made an organisation of their own. Subjects an operation
/// changes are made fresh for each check; the others once, on first use (so an operation that
/// does not exist yet fails its own row only).
/// </summary>
internal sealed class OrgMatrixCast
{
    private readonly Dictionary<OrgSetup, OrgSubject> _shared = [];
    private readonly Dictionary<Guid, string> _emails;

    private OrgMatrixCast(RaytioFactory app, (GraphUser User, string Email)[] users)
    {
        App = app;
        (Admin, Member, OtherOrgAdmin, Unrelated, Keeper, Bystander) =
            (users[0].User, users[1].User, users[2].User, users[3].User, users[4].User, users[5].User);
        _emails = users.ToDictionary(u => u.User.Id, u => u.Email);
    }

    public RaytioFactory App { get; }

    public GraphUser Admin { get; }

    public GraphUser Member { get; }

    public GraphUser OtherOrgAdmin { get; }

    public GraphUser Unrelated { get; }

    /// <summary>Made the shared organisation and makes its fixtures; never a caller.</summary>
    public GraphUser Keeper { get; }

    /// <summary>The member operations promote, remove and invite; never a caller.</summary>
    public GraphUser Bystander { get; }

    public Organizations.Org SharedOrg { get; private set; } = null!;

    public Organizations.Org OtherOrg { get; private set; } = null!;

    public static async Task<OrgMatrixCast> CreateAsync(RaytioFactory app)
    {
        var users = new (GraphUser, string)[6];
        for (var i = 0; i < users.Length; i++)
        {
            var (email, _, tokens) = await app.CreateSignedInUserAsync();
            users[i] = (new GraphUser(Guid.Parse(TokenForge.SubjectOf(tokens.IdentityToken)), tokens.IdentityToken), email);
        }
        var cast = new OrgMatrixCast(app, users);
        cast.SharedOrg = await cast.KeptOrgAsync("Shared by the matrix");
        cast.OtherOrg = await app.CreateOrgAsync(cast.OtherOrgAdmin, "The other organisation");
        return cast;
    }

    public GraphUser? Caller(OrgRole role) => role switch
    {
        OrgRole.Admin => Admin,
        OrgRole.Member => Member,
        OrgRole.OtherOrgAdmin => OtherOrgAdmin,
        OrgRole.Unrelated => Unrelated,
        _ => null,
    };

    /// <summary>The subject of a check: made now when the operation changes it, else made once and reused.</summary>
    public async Task<OrgSubject> SubjectAsync(OrgMatrixOperation operation, GraphUser? caller)
    {
        if (operation.Fresh)
        {
            return await MakeAsync(operation.Setup, caller);
        }
        if (!_shared.TryGetValue(operation.Setup, out var subject))
        {
            subject = await MakeAsync(operation.Setup, caller);
            _shared[operation.Setup] = subject;
        }
        return subject;
    }

    /// <summary>GET without following a redirect, so that a 302 is what the matrix sees.</summary>
    public async Task<HttpResponseMessage> GetWithoutRedirectAsync(string path, string? bearer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }
        return await App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).SendAsync(request);
    }

    private async Task<OrgSubject> MakeAsync(OrgSetup setup, GraphUser? caller)
    {
        var shared = SharedOrg.Id;
        switch (setup)
        {
            case OrgSetup.SharedOrg:
                return new OrgSubject(shared);
            case OrgSetup.Link:
                var link = await Fixture(App.PostJsonAsync("/org/v1/links", new { url = OrgMatrixOperation.LinkUrl, persist = true }, Keeper.Bearer), "the keeper makes a short link");
                return new OrgSubject(shared, link.GetProperty("short_link_id").GetString()!);
            case OrgSetup.Domain:
                return new OrgSubject(shared, await DomainOfAsync(SharedOrg, Keeper));
            case OrgSetup.NewDomain:
                return new OrgSubject(shared, NewDomain());
            case OrgSetup.TakenDomain:
                return new OrgSubject(shared, await DomainOfAsync(OtherOrg, OtherOrgAdmin));
            case OrgSetup.Request:
                var request = await Fixture(App.PostJsonAsync($"{SharedOrg.Path}/application_requests", OrgMatrixOperation.ApplicationRequestBody(), Keeper.Bearer), "the keeper makes an application request");
                return new OrgSubject(shared, request.GetProperty("request_short_code").GetString()!);
            case OrgSetup.Invite:
                var invite = await Fixture(App.PostJsonAsync($"{SharedOrg.Path}/invites", new { email = RaytioFactory.NewEmail() }, Keeper.Bearer), "the keeper invites someone");
                return new OrgSubject(shared, invite.GetProperty("invite_id").ToString());
            case OrgSetup.InviteToCaller:
                return await InvitationAsync(caller ?? Bystander);
            case OrgSetup.InviteToBystander:
                return await InvitationAsync(Bystander);
            case OrgSetup.FreshOrg:
                var fresh = await KeptOrgAsync("Changed by the matrix");
                await App.AddMemberAsync(fresh, Bystander.Id);
                return new OrgSubject(fresh.Id, Other: Bystander.Id);
            case OrgSetup.SoleAdminOrg:
                var sole = await App.CreateOrgAsync(Admin, "One administrator");
                await App.AddMemberAsync(sole, Member.Id);
                await App.AddMemberAsync(sole, Bystander.Id);
                return new OrgSubject(sole.Id, Other: Admin.Id);
            default:
                throw new ArgumentOutOfRangeException(nameof(setup), setup, null);
        }
    }

    /// <summary>An organisation the keeper made, with Admin a second administrator and Member a member.</summary>
    private async Task<Organizations.Org> KeptOrgAsync(string name)
    {
        var org = await App.CreateOrgAsync(Keeper, name);
        await App.AddMemberAsync(org, Admin.Id, OrganizationRole.Admin);
        await App.AddMemberAsync(org, Member.Id);
        return org;
    }

    /// <summary>A new organisation as <see cref="KeptOrgAsync"/> makes it, and the code of its invitation to <paramref name="invited"/>.</summary>
    private async Task<OrgSubject> InvitationAsync(GraphUser invited)
    {
        var org = await KeptOrgAsync("Invites in the matrix");
        var email = _emails[invited.Id];
        await Fixture(App.PostJsonAsync($"{org.Path}/invites", new { email }, Keeper.Bearer), "the keeper invites someone");
        return new OrgSubject(org.Id, await App.InviteCodeAsync(email));
    }

    private async Task<string> DomainOfAsync(Organizations.Org org, GraphUser admin)
    {
        var domain = NewDomain();
        await Fixture(App.PostJsonAsync($"{org.Path}/domains/{domain}", OrgMatrixOperation.DomainBody(domain), admin.Bearer), "an administrator sets a domain");
        return domain;
    }

    private static string NewDomain() => $"m{Guid.NewGuid():N}"[..13] + ".example.com";

    private static async Task<System.Text.Json.JsonElement> Fixture(Task<HttpResponseMessage> call, string what)
    {
        var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"fixture: {what}: {(int)response.StatusCode} {text}");
        return System.Text.Json.JsonDocument.Parse(text).RootElement.Clone();
    }
}
