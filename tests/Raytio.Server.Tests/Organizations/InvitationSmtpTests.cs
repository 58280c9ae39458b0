using System.Text.RegularExpressions;
using Raytio.Server.Tests.Email;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Organizations;

/// <summary>Both invitation flows end to end, every email through a real SMTP server on loopback.</summary>
public sealed partial class InvitationSmtpTests(SmtpDeliveryTests.SmtpFactory app) : IClassFixture<SmtpDeliveryTests.SmtpFactory>
{
    private const string Password = "correct horse battery";

    [Fact]
    public async Task An_existing_user_accepts_the_emailed_code_and_joins()
    {
        var org = await app.CreateOrgAsync(await SignedInAsync(RaytioFactory.NewEmail()), "Smtp Invites");
        var email = RaytioFactory.NewEmail();
        var invitee = await SignedInAsync(email);

        await (await app.InviteAsync(org, email, org.Admin.Bearer)).AssertOkAsync();
        var invitation = await ReceivedAsync(email, "You are invited to join Smtp Invites on Raytio");
        Assert.Contains("Sign in", invitation, StringComparison.Ordinal);

        await (await app.AcceptAsync(org, InviteCode().Match(invitation).Groups[1].Value, invitee.Bearer)).AssertOkAsync();
        await (await app.GetAsync(org.Path, invitee.Bearer)).AssertOkAsync();
    }

    [Fact]
    public async Task A_new_user_signs_up_with_the_emailed_code_and_joins()
    {
        var org = await app.CreateOrgAsync(await SignedInAsync(RaytioFactory.NewEmail()), "Smtp Signups");
        var email = RaytioFactory.NewEmail();

        await (await app.InviteAsync(org, email, org.Admin.Bearer)).AssertOkAsync();
        var invitation = await ReceivedAsync(email, "You are invited to join Smtp Signups on Raytio");
        Assert.Contains("verification_code_org", invitation, StringComparison.Ordinal);
        var code = InviteCode().Match(invitation).Groups[1].Value;

        var joined = await SignedInAsync(email, code);
        await (await app.GetAsync(org.Path, joined.Bearer)).AssertOkAsync();
    }

    /// <summary>Signs up (with an invitation code if given), verifies with the code that arrived by SMTP, and signs in.</summary>
    private async Task<GraphUser> SignedInAsync(string email, string? inviteCode = null)
    {
        await (await app.PostJsonAsync("/oauth/v1/signup", new { username = email, password = Password, verification_code_org = inviteCode })).AssertOkAsync();
        var verification = await ReceivedAsync(email, "Your Raytio verification code");
        var code = VerificationCode().Match(verification).Groups[1].Value;
        await (await app.PostJsonAsync("/oauth/v1/verify", new { username = email, verification_code = code })).AssertOkAsync();
        var tokens = await app.LoginAsync(email, Password);
        return new GraphUser(Guid.Parse(TokenForge.SubjectOf(tokens.IdentityToken)), tokens.IdentityToken);
    }

    /// <summary>The text of the email with this subject that arrived for <paramref name="email"/>.</summary>
    private async Task<string> ReceivedAsync(string email, string subject)
    {
        for (var waited = 0; waited < 100; waited++)
        {
            // No explicit delivery: the commit of the invitation's transaction wakes the dispatcher
            // (its poll never comes on the fake clock).
            if (app.Received.FirstOrDefault(m => m.Subject == subject && m.To.Mailboxes.Any(b => b.Address == email)) is { } message)
            {
                return message.TextBody ?? "";
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"no email '{subject}' to {email} arrived within 10 s");
    }

    [GeneratedRegex("invitation code is: ([A-Z0-9]+)")]
    private static partial Regex InviteCode();

    [GeneratedRegex(@"verification code is: (\d{6})")]
    private static partial Regex VerificationCode();
}
