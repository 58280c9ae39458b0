using System.Net;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Providers.Email;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Auth;

public sealed class PasswordTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    private const string NewPassword = "a brand new passphrase";

    [Fact]
    public async Task Reset_blocks_login_until_confirmed_and_revokes_sessions()
    {
        var (email, password, tokens) = await app.CreateSignedInUserAsync();

        var reset = await (await app.PostJsonAsync("/oauth/v1/password-reset", new { username = email })).AssertOkAsync();
        Assert.Equal($"Password for {email} has been reset and an email with a verification code has been sent to the email address. Please confirm the verification code to reset the password.",
            reset.GetProperty("message").GetString());
        await (await app.PostJsonAsync("/oauth/v1/token", new { grant_type = "password", username = email, password }))
            .AssertErrorAsync(HttpStatusCode.Forbidden, "password_reset_required");

        var code = await app.LatestCodeAsync(email);
        var confirmed = await (await app.PostJsonAsync("/oauth/v1/password-confirm", new { username = email, verification_code = code, password = NewPassword })).AssertOkAsync();
        Assert.Equal($"Password for {email} has been reset.", confirmed.GetProperty("message").GetString());

        await (await app.PostJsonAsync("/oauth/v1/token", new { grant_type = "password", username = email, password }))
            .AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        await app.LoginAsync(email, NewPassword);
        await (await app.PostJsonAsync("/oauth/v1/token", new { grant_type = "refresh_token", refresh_token = tokens.RefreshToken }))
            .AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_refresh_token");
    }

    [Fact]
    public async Task Reset_of_an_unknown_user_answers_the_same_and_tells_the_address_no_account_uses_it()
    {
        var email = RaytioFactory.NewEmail();
        var body = await (await app.PostJsonAsync("/oauth/v1/password-reset", new { username = email })).AssertOkAsync();
        Assert.StartsWith($"Password for {email} has been reset", body.GetProperty("message").GetString());
        await app.DeliverEmailsAsync();
        var message = await app.WithDbAsync(db => db.MailboxMessages.SingleAsync(m => m.To == email));
        Assert.Equal("Password reset requested for an address without an account", message.Subject);
        Assert.DoesNotContain("code is", message.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reset_emails_are_throttled_per_account()
    {
        var email = RaytioFactory.NewEmail();
        for (var i = 0; i < 5; i++)
        {
            await (await app.PostJsonAsync("/oauth/v1/password-reset", new { username = email })).AssertOkAsync();
        }
        await (await app.PostJsonAsync("/oauth/v1/password-reset", new { username = email })).AssertErrorAsync(HttpStatusCode.TooManyRequests, "too_many_requests");
    }

    [Fact]
    public async Task Confirm_with_a_wrong_or_expired_code_is_refused()
    {
        var (email, _) = await app.CreateVerifiedUserAsync();
        await (await app.PostJsonAsync("/oauth/v1/password-reset", new { username = email })).AssertOkAsync();
        var code = await app.LatestCodeAsync(email);
        var wrong = code == "000000" ? "000001" : "000000";

        await (await app.PostJsonAsync("/oauth/v1/password-confirm", new { username = email, verification_code = wrong, password = NewPassword }))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_code");
        app.Time.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        await (await app.PostJsonAsync("/oauth/v1/password-confirm", new { username = email, verification_code = code, password = NewPassword }))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_code");
    }

    [Fact]
    public async Task Confirm_checks_the_new_password_rules()
    {
        var body = await (await app.PostJsonAsync("/oauth/v1/password-confirm", new { username = "x@example.com", verification_code = "123456", password = "short" }))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(body.GetProperty("errors").TryGetProperty("password", out _));
    }

    [Fact]
    public async Task Change_sets_the_new_password_and_revokes_refresh_tokens()
    {
        var (email, password, tokens) = await app.CreateSignedInUserAsync();

        var body = await (await app.PostJsonAsync("/oauth/v1/password-change",
            new { access_token = tokens.AccessToken, password_existing = password, password_new = NewPassword }, tokens.IdentityToken)).AssertOkAsync();

        Assert.Equal($"Password for {email} has been changed.", body.GetProperty("message").GetString());
        await app.LoginAsync(email, NewPassword);
        await (await app.PostJsonAsync("/oauth/v1/token", new { grant_type = "password", username = email, password }))
            .AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        await (await app.PostJsonAsync("/oauth/v1/token", new { grant_type = "refresh_token", refresh_token = tokens.RefreshToken }))
            .AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_refresh_token");
    }

    [Fact]
    public async Task Change_needs_a_bearer_token()
    {
        var (_, password, tokens) = await app.CreateSignedInUserAsync();
        await (await app.PostJsonAsync("/oauth/v1/password-change", new { access_token = tokens.AccessToken, password_existing = password, password_new = NewPassword }))
            .AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Change_refuses_an_access_token_of_another_user_or_an_identity_token()
    {
        var (_, password, tokens) = await app.CreateSignedInUserAsync();
        var (_, _, other) = await app.CreateSignedInUserAsync();

        await (await app.PostJsonAsync("/oauth/v1/password-change", new { access_token = other.AccessToken, password_existing = password, password_new = NewPassword }, tokens.IdentityToken))
            .AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_access_token");
        await (await app.PostJsonAsync("/oauth/v1/password-change", new { access_token = tokens.IdentityToken, password_existing = password, password_new = NewPassword }, tokens.IdentityToken))
            .AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_access_token");
    }

    [Fact]
    public async Task An_access_token_is_not_a_bearer_credential()
    {
        var (_, _, tokens) = await app.CreateSignedInUserAsync();
        await (await app.GetAsync("/db/v1/preferences", tokens.AccessToken)).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Change_refuses_a_wrong_existing_password_and_a_weak_new_one()
    {
        var (_, password, tokens) = await app.CreateSignedInUserAsync();
        var wrong = await (await app.PostJsonAsync("/oauth/v1/password-change", new { access_token = tokens.AccessToken, password_existing = "not it at all", password_new = NewPassword }, tokens.IdentityToken))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(wrong.GetProperty("errors").TryGetProperty("password_existing", out _));

        var weak = await (await app.PostJsonAsync("/oauth/v1/password-change", new { access_token = tokens.AccessToken, password_existing = password, password_new = "short" }, tokens.IdentityToken))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(weak.GetProperty("errors").TryGetProperty("password_new", out _));
    }
}
