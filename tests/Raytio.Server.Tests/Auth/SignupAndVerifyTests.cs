using System.Net;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Features.Auth;
using Raytio.Server.Providers.Email;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Auth;

public sealed class SignupAndVerifyTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task Signup_creates_an_unverified_user_and_emails_a_code()
    {
        var email = RaytioFactory.NewEmail();
        var body = await (await app.PostJsonAsync("/oauth/v1/signup", new { username = email, password = "abcdefabcdef" })).AssertOkAsync();

        Assert.Equal($"User {email} has been created and an email with a verification code has been sent to the email address. Please confirm the verification code to complete the registration process.",
            body.GetProperty("message").GetString());
        Assert.Matches(@"^\d{6}$", await app.LatestCodeAsync(email));
        var user = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == email));
        Assert.Equal(UserStatus.Unconfirmed, user.Status);
        Assert.DoesNotContain("abcdefabcdef", user.PasswordHash, StringComparison.Ordinal);

        await (await app.PostJsonAsync("/oauth/v1/token", new { grant_type = "password", username = email, password = "abcdefabcdef" }))
            .AssertErrorAsync(HttpStatusCode.Forbidden, "user_not_verified");
    }

    [Fact]
    public async Task Signup_normalises_the_username_to_lower_case()
    {
        var email = RaytioFactory.NewEmail();
        await (await app.PostJsonAsync("/oauth/v1/signup", new { username = "  " + email.ToUpperInvariant(), password = "abcdefabcdef" })).AssertOkAsync();
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync(u => u.Email == email)));
    }

    [Theory]
    [InlineData(null, "abcdefabcdef", "username")]
    [InlineData("not-an-email", "abcdefabcdef", "username")]
    [InlineData("x@example.com", null, "password")]
    [InlineData("x@example.com", "short", "password")]
    [InlineData("x@example.com", "aaaaaaaaaaaa", "password")]
    public async Task Signup_rejects_bad_input_naming_the_field(string? username, string? password, string field)
    {
        var body = await (await app.PostJsonAsync("/oauth/v1/signup", new { username, password }))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Signup_rejects_a_password_equal_to_the_username()
    {
        var email = RaytioFactory.NewEmail();
        await (await app.PostJsonAsync("/oauth/v1/signup", new { username = email, password = email }))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Signup_of_an_existing_user_answers_the_same_and_changes_nothing()
    {
        var (email, password) = await app.CreateVerifiedUserAsync();
        var before = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));

        var body = await (await app.PostJsonAsync("/oauth/v1/signup", new { username = email, password = "another password 1" })).AssertOkAsync();

        Assert.StartsWith($"User {email} has been created", body.GetProperty("message").GetString());
        var after = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));
        Assert.Equal(before.PasswordHash, after.PasswordHash);
        await app.LoginAsync(email, password);
        await app.DeliverEmailsAsync();
        var subjects = await app.WithDbAsync(db => db.MailboxMessages.Where(m => m.To == email).Select(m => m.Subject).ToListAsync());
        Assert.Contains("Someone tried to sign up with your email address", subjects);
    }

    [Fact]
    public async Task Verify_with_the_emailed_code_activates_the_user()
    {
        var email = RaytioFactory.NewEmail();
        await (await app.PostJsonAsync("/oauth/v1/signup", new { username = email, password = "abcdefabcdef" })).AssertOkAsync();
        var code = await app.LatestCodeAsync(email);

        var body = await (await app.PostJsonAsync("/oauth/v1/verify", new { username = email, verification_code = code })).AssertOkAsync();

        Assert.Equal($"User {email} is verified.", body.GetProperty("message").GetString());
        await app.LoginAsync(email, "abcdefabcdef");
        // A used code cannot be used again.
        await (await app.PostJsonAsync("/oauth/v1/verify", new { username = email, verification_code = code }))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_code");
    }

    [Fact]
    public async Task A_wrong_code_issues_and_emails_a_new_one_and_the_old_one_dies()
    {
        var email = RaytioFactory.NewEmail();
        await (await app.PostJsonAsync("/oauth/v1/signup", new { username = email, password = "abcdefabcdef" })).AssertOkAsync();
        var first = await app.LatestCodeAsync(email);
        var wrong = first == "000000" ? "000001" : "000000";

        await (await app.PostJsonAsync("/oauth/v1/verify", new { username = email, verification_code = wrong }))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_code");

        Assert.Equal(2, await app.MailboxCountAsync(email));
        var second = await app.LatestCodeAsync(email);
        if (second != first)
        {
            await (await app.PostJsonAsync("/oauth/v1/verify", new { username = email, verification_code = first }))
                .AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_code");
            second = await app.LatestCodeAsync(email);
        }
        await (await app.PostJsonAsync("/oauth/v1/verify", new { username = email, verification_code = second })).AssertOkAsync();
    }

    [Fact]
    public async Task An_expired_code_is_refused_and_replaced()
    {
        var email = RaytioFactory.NewEmail();
        await (await app.PostJsonAsync("/oauth/v1/signup", new { username = email, password = "abcdefabcdef" })).AssertOkAsync();
        var code = await app.LatestCodeAsync(email);
        app.Time.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));

        await (await app.PostJsonAsync("/oauth/v1/verify", new { username = email, verification_code = code }))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_code");

        var fresh = await app.LatestCodeAsync(email);
        await (await app.PostJsonAsync("/oauth/v1/verify", new { username = email, verification_code = fresh })).AssertOkAsync();
    }

    [Fact]
    public async Task Verify_of_an_unknown_user_answers_like_a_wrong_code_and_sends_nothing()
    {
        var email = RaytioFactory.NewEmail();
        var body = await (await app.PostJsonAsync("/oauth/v1/verify", new { username = email, verification_code = "123456" }))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_code");
        Assert.Equal(0, await app.MailboxCountAsync(email));
        Assert.Contains("incorrect", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Verify_requires_both_fields()
    {
        var body = await (await app.PostJsonAsync("/oauth/v1/verify", new { username = "x@example.com" }))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(body.GetProperty("errors").TryGetProperty("verification_code", out _));
    }

    [Fact]
    public async Task Code_attempts_are_limited_per_account()
    {
        var email = RaytioFactory.NewEmail();
        await (await app.PostJsonAsync("/oauth/v1/signup", new { username = email, password = "abcdefabcdef" })).AssertOkAsync();
        for (var i = 0; i < 5; i++)
        {
            await (await app.PostJsonAsync("/oauth/v1/verify", new { username = email, verification_code = "bad" }))
                .AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_code");
        }
        var code = await app.LatestCodeAsync(email);

        var throttled = await app.PostJsonAsync("/oauth/v1/verify", new { username = email, verification_code = code });
        await throttled.AssertErrorAsync(HttpStatusCode.TooManyRequests, "too_many_requests");
        Assert.True(throttled.Headers.RetryAfter?.Delta > TimeSpan.Zero);

        app.Time.Advance(TimeSpan.FromMinutes(16));
        await (await app.PostJsonAsync("/oauth/v1/verify", new { username = email, verification_code = code })).AssertOkAsync();
    }
}
