using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Testing;

namespace Raytio.Server.Tests.EndToEnd;

/// <summary>What a person does on a fresh machine: start the server, sign up, read the code, use the API.</summary>
public sealed class FirstRunTests
{
    [Fact]
    public async Task Signup_verify_login_call_and_refresh_against_the_started_server()
    {
        await using var server = await ServerProcess.StartAsync();
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var email = RaytioFactory.NewEmail();
        const string password = "correct horse battery";

        await (await http.PostAsJsonAsync("/oauth/v1/signup", new { username = email, password })).AssertOkAsync();
        var outbox = await server.RunCommandAsync("mailbox", email);
        var code = Regex.Match(outbox, @"code is: (\d{6})").Groups[1].Value;
        Assert.Matches(@"^\d{6}$", code);
        await (await http.PostAsJsonAsync("/oauth/v1/verify", new { username = email, verification_code = code })).AssertOkAsync();

        var login = await (await http.PostAsJsonAsync("/oauth/v1/token", new { grant_type = "password", username = email, password })).AssertOkAsync();
        var identity = login.GetProperty("identity_token").GetString()!;
        using (var request = new HttpRequestMessage(HttpMethod.Get, "/db/v1/preferences"))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", identity);
            await (await http.SendAsync(request)).AssertOkAsync();
        }

        var refreshed = await (await http.PostAsJsonAsync("/oauth/v1/token", new { grant_type = "refresh_token", refresh_token = login.GetProperty("refresh_token").GetString() })).AssertOkAsync();
        Assert.NotEqual(login.GetProperty("refresh_token").GetString(), refreshed.GetProperty("refresh_token").GetString());

        // An independent JOSE client fetches the JWK set over HTTP and verifies the token.
        var input = JsonSerializer.Serialize(new { url = new Uri(server.BaseAddress, "/.well-known/jwks.json").ToString(), token = refreshed.GetProperty("identity_token").GetString() });
        var verdict = JsonDocument.Parse(await NodeScript.RunAsync("auth/verify-jwt.mjs", input)).RootElement;
        Assert.True(verdict.GetProperty("valid").GetBoolean(), verdict.GetRawText());
    }

    [Fact]
    public async Task The_admin_command_creates_a_verified_user_who_can_log_in()
    {
        await using var server = await ServerProcess.StartAsync();
        var email = RaytioFactory.NewEmail();
        var created = await server.RunCommandAsync("create-user", email, "correct horse battery");
        Assert.Contains($"created verified user {email}", created);

        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        await (await http.PostAsJsonAsync("/oauth/v1/token", new { grant_type = "password", username = email, password = "correct horse battery" })).AssertOkAsync();
        Assert.Contains("signing", await server.RunCommandAsync("token-keys", "list"));
    }
}
