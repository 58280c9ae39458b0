using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.EndToEnd;

/// <summary>Two server processes sharing one PostgreSQL database, as replicas behind a load balancer.</summary>
public sealed class ReplicaTests : IAsyncLifetime
{
    private static readonly TimeSpan StampCacheLifetime = TimeSpan.FromSeconds(2);

    /// <summary>Time a refused request may take beyond the lifetime on a busy machine.</summary>
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(1.5);

    private readonly string _keyDirectory = Path.Combine(Path.GetTempPath(), "raytio-e2e-keys-" + Guid.NewGuid().ToString("N"));
    private string? _database;

    public async Task InitializeAsync()
    {
        if (TestDatabase.IsPostgres)
        {
            _database = await TestDatabase.CreatePostgresDatabaseAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await TestDatabase.DropPostgresDatabaseAsync(_database);
        }
        if (Directory.Exists(_keyDirectory))
        {
            Directory.Delete(_keyDirectory, recursive: true);
        }
    }

    [PostgresFact]
    public async Task The_other_replica_refuses_an_old_token_within_the_stamp_cache_lifetime()
    {
        string[] settings =
        [
            "--ConnectionStrings:Postgres", _database!,
            "--Raytio:Tokens:SecurityStampCacheLifetime", StampCacheLifetime.ToString(),
            "--Raytio:Signing:KeyDirectory", _keyDirectory,
        ];
        var (first, second) = await StartTwoAsync(settings);
        await using var firstServer = first;
        await using var secondServer = second;
        using var one = new HttpClient { BaseAddress = first.BaseAddress };
        using var two = new HttpClient { BaseAddress = second.BaseAddress };
        var email = RaytioFactory.NewEmail();
        const string password = "correct horse battery";
        const string newPassword = "a brand new passphrase";
        await first.RunCommandAsync("create-user", email, password);

        var tokens = await LoginAsync(one, email, password);
        Assert.Equal(HttpStatusCode.OK, await PreferencesStatusAsync(two, tokens.Identity));

        await (await SendAsync(one, HttpMethod.Post, "/oauth/v1/password-change", tokens.Identity,
            new { access_token = tokens.Access, password_existing = password, password_new = newPassword })).AssertOkAsync();
        var changed = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.Unauthorized, await PreferencesStatusAsync(one, tokens.Identity));
        await AssertRefusedWithinLifetimeAsync(two, tokens.Identity, changed);

        // A new login on either replica works on both; disabling from a command process ends it on both.
        var fresh = await LoginAsync(two, email, newPassword);
        Assert.Equal(HttpStatusCode.OK, await PreferencesStatusAsync(one, fresh.Identity));
        Assert.Equal(HttpStatusCode.OK, await PreferencesStatusAsync(two, fresh.Identity));
        await second.RunCommandAsync("users", "disable", email);
        var disabled = Stopwatch.StartNew();
        await AssertRefusedWithinLifetimeAsync(one, fresh.Identity, disabled);
        await AssertRefusedWithinLifetimeAsync(two, fresh.Identity, disabled);
    }

    private static async Task AssertRefusedWithinLifetimeAsync(HttpClient replica, string identityToken, Stopwatch sinceChange)
    {
        while (await PreferencesStatusAsync(replica, identityToken) == HttpStatusCode.OK)
        {
            Assert.True(sinceChange.Elapsed < StampCacheLifetime + Slack, $"still accepted {sinceChange.Elapsed} after the change");
            await Task.Delay(100);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, await PreferencesStatusAsync(replica, identityToken));
        Assert.True(sinceChange.Elapsed < StampCacheLifetime + Slack, $"refused only {sinceChange.Elapsed} after the change");
    }

    /// <summary>Starts both at once (as a scaled deployment does); stops the one that started if the other did not.</summary>
    private static async Task<(ServerProcess First, ServerProcess Second)> StartTwoAsync(string[] settings)
    {
        var starts = new[] { ServerProcess.StartAsync(settings), ServerProcess.StartAsync(settings) };
        var bothStarted = false;
        try
        {
            await Task.WhenAll(starts);
            bothStarted = true;
            return (starts[0].Result, starts[1].Result);
        }
        finally
        {
            if (!bothStarted)
            {
                foreach (var start in starts.Where(s => s.IsCompletedSuccessfully))
                {
                    await start.Result.DisposeAsync();
                }
            }
        }
    }

    private static async Task<(string Identity, string Access)> LoginAsync(HttpClient replica, string email, string password)
    {
        var body = await (await replica.PostAsJsonAsync("/oauth/v1/token", new { grant_type = "password", username = email, password })).AssertOkAsync();
        return (body.GetProperty("identity_token").GetString()!, body.GetProperty("access_token").GetString()!);
    }

    private static async Task<HttpStatusCode> PreferencesStatusAsync(HttpClient replica, string identityToken)
    {
        using var response = await SendAsync(replica, HttpMethod.Get, "/db/v1/preferences", identityToken, null);
        return response.StatusCode;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient replica, HttpMethod method, string path, string bearer, object? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return await replica.SendAsync(request);
    }
}
