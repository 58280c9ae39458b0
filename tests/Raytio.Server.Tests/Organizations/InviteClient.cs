using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Features.Organizations;
using Raytio.Server.Providers.Email;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Organizations;

/// <summary>A signed-in user whose address and password the test knows.</summary>
public sealed record Person(string Email, string Password, GraphUser User)
{
    public Guid Id => User.Id;

    public string Bearer => User.Bearer;
}

/// <summary>Invitations through operation 18 and its additions, with the codes read from the development mailbox.</summary>
public static partial class InviteClient
{
    public static string InvitesPath(this Org org) => $"{org.Path}/invites";

    public static async Task<Person> NewPersonAsync(this RaytioFactory app)
    {
        var (email, password, tokens) = await app.CreateSignedInUserAsync();
        return new Person(email, password, new GraphUser(Guid.Parse(TokenForge.SubjectOf(tokens.IdentityToken)), tokens.IdentityToken));
    }

    public static Task<HttpResponseMessage> InviteAsync(this RaytioFactory app, Org org, string email, string? bearer, string? role = null) =>
        app.PostJsonAsync(org.InvitesPath(), role is null ? new { email } : new { email, role }, bearer);

    /// <summary>Invites as the organisation's administrator; the invite_id and the emailed code.</summary>
    public static async Task<(Guid InviteId, string Code)> InvitedAsync(this RaytioFactory app, Org org, string email, string? role = null)
    {
        var answer = await (await app.InviteAsync(org, email, org.Admin.Bearer, role)).AssertOkAsync();
        return (answer.GetProperty("invite_id").GetGuid(), await app.InviteCodeAsync(email));
    }

    public static Task<HttpResponseMessage> AcceptAsync(this RaytioFactory app, Org org, string code, string? bearer) =>
        app.PostJsonAsync($"{org.InvitesPath()}/accept", new { code }, bearer);

    public static Task<HttpResponseMessage> RevokeAsync(this RaytioFactory app, Org org, Guid inviteId, string? bearer) =>
        app.SendAsync(HttpMethod.Delete, $"{org.InvitesPath()}/{inviteId}", null, bearer);

    /// <summary>The code of the newest invitation emailed to <paramref name="email"/>.</summary>
    public static async Task<string> InviteCodeAsync(this RaytioFactory app, string email) =>
        CodeIn(await app.LatestEmailAsync(email));

    public static async Task<string> LatestEmailAsync(this RaytioFactory app, string email)
    {
        await app.DeliverEmailsAsync();
        return await app.WithDbAsync(db => db.MailboxMessages.Where(m => m.To == email)
            .OrderByDescending(m => m.CreatedAt).Select(m => m.Subject + "\n" + m.Body).FirstAsync());
    }

    public static string CodeIn(string body) => CodePattern().Match(body) is { Success: true } match
        ? match.Groups[1].Value
        : throw new InvalidOperationException("no invitation code in: " + body);

    public static Task<OrganizationInvite> InviteRowAsync(this RaytioFactory app, Guid inviteId) =>
        app.WithDbAsync(db => db.OrganizationInvites.AsNoTracking().SingleAsync(i => i.Id == inviteId));

    [GeneratedRegex("invitation code is: ([A-Z0-9]+)")]
    private static partial Regex CodePattern();
}
