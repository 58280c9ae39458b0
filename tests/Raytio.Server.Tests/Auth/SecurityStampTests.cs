using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Raytio.Server.Cli;
using Raytio.Server.Features.Auth;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Auth;

/// <summary>Identity tokens stop working when the password changes or is reset, or the account is disabled.</summary>
public sealed class SecurityStampTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    private const string NewPassword = "a brand new passphrase";

    [Fact]
    public async Task Tokens_carry_the_users_security_stamp()
    {
        var (email, _, tokens) = await app.CreateSignedInUserAsync();
        var stamp = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.SecurityStamp).SingleAsync());

        Assert.Equal(stamp.ToString("N"), new JsonWebToken(tokens.IdentityToken).GetClaim(TokenClaims.SecurityStamp).Value);
        Assert.Equal(stamp.ToString("N"), new JsonWebToken(tokens.AccessToken).GetClaim(TokenClaims.SecurityStamp).Value);
    }

    [Fact]
    public async Task A_password_change_ends_earlier_tokens_at_once_even_when_they_were_cached()
    {
        var (email, password, tokens) = await app.CreateSignedInUserAsync();
        // Used twice: the second use is a hit of the validated-token cache.
        await (await app.GetAsync("/db/v1/preferences", tokens.IdentityToken)).AssertOkAsync();
        await (await app.GetAsync("/db/v1/preferences", tokens.IdentityToken)).AssertOkAsync();

        await (await app.PostJsonAsync("/oauth/v1/password-change",
            new { access_token = tokens.AccessToken, password_existing = password, password_new = NewPassword }, tokens.IdentityToken)).AssertOkAsync();

        await (await app.GetAsync("/db/v1/preferences", tokens.IdentityToken)).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        var fresh = await app.LoginAsync(email, NewPassword);
        await (await app.GetAsync("/db/v1/preferences", fresh.IdentityToken)).AssertOkAsync();
    }

    [Fact]
    public async Task A_confirmed_reset_ends_earlier_tokens_at_once()
    {
        var (email, _, tokens) = await app.CreateSignedInUserAsync();
        await (await app.GetAsync("/db/v1/preferences", tokens.IdentityToken)).AssertOkAsync();

        await (await app.PostJsonAsync("/oauth/v1/password-reset", new { username = email })).AssertOkAsync();
        // Requesting a reset alone changes nothing for existing tokens: anyone can request one.
        await (await app.GetAsync("/db/v1/preferences", tokens.IdentityToken)).AssertOkAsync();
        var code = await app.LatestCodeAsync(email);
        await (await app.PostJsonAsync("/oauth/v1/password-confirm", new { username = email, verification_code = code, password = NewPassword })).AssertOkAsync();

        await (await app.GetAsync("/db/v1/preferences", tokens.IdentityToken)).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await app.GetAsync("/db/v1/preferences", (await app.LoginAsync(email, NewPassword)).IdentityToken)).AssertOkAsync();
    }

    [Fact]
    public async Task Disabling_ends_tokens_refreshes_and_sign_in_until_enabled()
    {
        var (email, password, tokens) = await app.CreateSignedInUserAsync();
        await (await app.GetAsync("/db/v1/preferences", tokens.IdentityToken)).AssertOkAsync();

        Assert.Contains($"disabled {email}", await RunAsync("users", "disable", email));

        await (await app.GetAsync("/db/v1/preferences", tokens.IdentityToken)).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await app.PostJsonAsync("/oauth/v1/token", new { grant_type = "refresh_token", refresh_token = tokens.RefreshToken }))
            .AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_refresh_token");
        await (await app.PostJsonAsync("/oauth/v1/token", new { grant_type = "password", username = email, password }))
            .AssertErrorAsync(HttpStatusCode.Forbidden, "user_disabled");
        // A wrong password learns nothing about the account's state.
        await (await app.PostJsonAsync("/oauth/v1/token", new { grant_type = "password", username = email, password = "not the password" }))
            .AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_credentials");

        Assert.Contains($"enabled {email}", await RunAsync("users", "enable", email));
        var again = await app.LoginAsync(email, password);
        await (await app.GetAsync("/db/v1/preferences", again.IdentityToken)).AssertOkAsync();
        await (await app.GetAsync("/db/v1/preferences", tokens.IdentityToken)).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task The_users_command_names_an_unknown_user()
    {
        Assert.Contains("error: no user", await RunAsync("users", "disable", RaytioFactory.NewEmail()));
    }

    [Fact]
    public async Task A_change_made_elsewhere_is_seen_within_the_cache_lifetime()
    {
        var (email, _, tokens) = await app.CreateSignedInUserAsync();
        await (await app.GetAsync("/db/v1/preferences", tokens.IdentityToken)).AssertOkAsync();

        // As another replica (or a command process) would: the row changes, this host's cache does not.
        await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(s => s.SetProperty(u => u.SecurityStamp, Guid.NewGuid())));

        app.Time.Advance(TimeSpan.FromSeconds(29));
        await (await app.GetAsync("/db/v1/preferences", tokens.IdentityToken)).AssertOkAsync();
        app.Time.Advance(TimeSpan.FromSeconds(1));
        await (await app.GetAsync("/db/v1/preferences", tokens.IdentityToken)).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task A_token_of_a_deleted_user_is_refused()
    {
        var (email, _, tokens) = await app.CreateSignedInUserAsync();
        await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).ExecuteDeleteAsync());
        app.Time.Advance(TimeSpan.FromSeconds(30));

        await (await app.GetAsync("/db/v1/preferences", tokens.IdentityToken)).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    private async Task<string> RunAsync(params string[] arguments)
    {
        using var output = new StringWriter();
        await ServerCommands.RunAsync(new ServerCommands.Command(arguments[0], arguments[1..]), app.Services, output);
        return output.ToString();
    }
}
