using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Raytio.Server.Data;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Auth;
using Raytio.Server.Features.Billing.Embedded;
using Raytio.Server.Features.SharingActions;
using Raytio.Server.Hosting;
using Raytio.Server.Providers.Email;

namespace Raytio.Server.Tests.Infrastructure;

/// <summary>
/// The real server pipeline in memory, on a fresh data folder (and database), with a fake clock.
/// Password hashing uses a cheaper Argon2id cost than production so the suite stays fast; one
/// test checks the production default separately. A request may name its client address in the
/// <see cref="ClientAddressHeader"/> header (what the socket address would be).
/// </summary>
public class RaytioFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const int TestHashMemoryKiB = 1_024;

    public const string ClientAddressHeader = "X-Test-Client-Address";

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "raytio-test-" + Guid.NewGuid().ToString("N"));
    private string? _postgresConnection;

    /// <summary>A fake clock that still moves a millisecond per reading, so records keep their order.</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero)) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };

    /// <summary>
    /// 4096-bit keys take seconds to make, so test hosts share one key folder per test run; a
    /// test that rotates or removes keys overrides this with a folder of its own.
    /// </summary>
    protected virtual string SigningKeyDirectory => SharedSigningKeys;

    private static readonly string SharedSigningKeys = SharedKeyFolderRemovedAtExit();

    private static string SharedKeyFolderRemovedAtExit()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"raytio-test-signing-keys-{Environment.ProcessId}");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        };
        return folder;
    }

    /// <summary>Every request this host answered, with its final status (in the order they finished).</summary>
    public ConcurrentQueue<ObservedResponse> Responses { get; } = new();

    /// <summary>Extra settings a derived factory adds (e.g. SMTP).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> ExtraSettings => [];

    /// <summary>Starts what the host talks to (e.g. a loopback fake of an outside service) before the host starts.</summary>
    protected virtual Task StartDependenciesAsync() => Task.CompletedTask;

    /// <summary>Stops what <see cref="StartDependenciesAsync"/> started, after the host stopped.</summary>
    protected virtual Task StopDependenciesAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        await StartDependenciesAsync();
        if (TestDatabase.IsPostgres)
        {
            _postgresConnection = await TestDatabase.CreatePostgresDatabaseAsync();
        }
        StartServer(); // now, so migrations run before the first test
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await StopDependenciesAsync();
        if (_postgresConnection is not null)
        {
            await TestDatabase.DropPostgresDatabaseAsync(_postgresConnection);
        }
        foreach (var folder in new[] { _dataDirectory, SigningKeyDirectory == SharedSigningKeys ? null : SigningKeyDirectory })
        {
            if (folder is not null && Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Raytio:DataDirectory", _dataDirectory);
        builder.UseSetting("Raytio:Tokens:PasswordHashMemoryKiB", TestHashMemoryKiB.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Raytio:Tokens:PasswordHashPasses", "1");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Raytio:Signing:KeyDirectory", SigningKeyDirectory);
        if (_postgresConnection is not null)
        {
            builder.UseSetting("ConnectionStrings:Postgres", _postgresConnection);
        }
        foreach (var (key, value) in ExtraSettings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            services.AddSingleton<IStartupFilter>(new ResponseRecorder(Responses));
            services.AddSingleton<IStartupFilter, ClientAddressFromHeader>();
            // Tests run cleanup passes themselves (CleanupPass), so that advancing the fake clock
            // deletes nothing behind their back.
            services.Remove(services.Single(d => d.ImplementationType == typeof(CleanupService)));
            // Likewise the audit read writer and sealer: tests run their passes (AuditDriver).
            services.Remove(services.Single(d => d.ImplementationType == typeof(AuditReadWriter)));
            services.Remove(services.Single(d => d.ImplementationType == typeof(AuditSealer)));
            // Likewise billing renewals: tests advance the clock and run a pass (BillingRenewals).
            // The Stripe engine registers none (EngineSelectionTests).
            foreach (var renewals in services.Where(d => d.ImplementationType == typeof(BillingRenewalService)).ToList())
            {
                services.Remove(renewals);
            }
            // Likewise share action deliveries: tests run a pass (ActionDelivery.RunPassAsync).
            services.Remove(services.Single(d => d.ImplementationType == typeof(ActionWorker)));
        });
    }

    public async Task<T> WithDbAsync<T>(Func<RaytioDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<RaytioDbContext>());
    }

    /// <summary>Sends the emails waiting in the outbox now, as the background dispatcher would.</summary>
    public Task<int> DeliverEmailsAsync() => Services.GetRequiredService<EmailDispatcher>().DispatchPendingAsync(CancellationToken.None);

    /// <summary>The newest six-digit code emailed to <paramref name="email"/> through the development mailbox.</summary>
    public async Task<string> LatestCodeAsync(string email)
    {
        await DeliverEmailsAsync();
        var body = await WithDbAsync(db => db.MailboxMessages.Where(m => m.To == email)
            .OrderByDescending(m => m.CreatedAt).Select(m => m.Body).FirstAsync());
        return CodePattern.Match(body).Groups[1].Value;
    }

    public async Task<int> MailboxCountAsync(string email)
    {
        await DeliverEmailsAsync();
        return await WithDbAsync(db => db.MailboxMessages.CountAsync(m => m.To == email));
    }

    private static readonly Regex CodePattern = new(@"code is: (\d{6})", RegexOptions.Compiled);

    public static string NewEmail() => $"user-{Guid.NewGuid():N}@example.com";

    public Task<HttpResponseMessage> PostJsonAsync(string path, object body, string? bearer = null) =>
        SendAsync(HttpMethod.Post, path, JsonContent.Create(body), bearer);

    public Task<HttpResponseMessage> GetAsync(string path, string? bearer = null) => SendAsync(HttpMethod.Get, path, null, bearer);

    /// <summary>Sends raw JSON text, e.g. a body no C# object serializes to.</summary>
    public Task<HttpResponseMessage> SendJsonTextAsync(HttpMethod method, string path, string json, string? bearer = null) =>
        SendAsync(method, path, new StringContent(json, System.Text.Encoding.UTF8, "application/json"), bearer);

    /// <summary>Sends as if from <paramref name="clientAddress"/> (the socket's address).</summary>
    public Task<HttpResponseMessage> PostJsonFromAsync(string clientAddress, string path, object body, IEnumerable<KeyValuePair<string, string>>? headers = null) =>
        SendAsync(HttpMethod.Post, path, JsonContent.Create(body), null, [new(ClientAddressHeader, clientAddress), .. headers ?? []]);

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content, string? bearer, IEnumerable<KeyValuePair<string, string>>? headers = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        foreach (var (name, value) in headers ?? [])
        {
            request.Headers.Add(name, value);
        }
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }
        return await CreateClient().SendAsync(request);
    }

    private int _signups;

    /// <summary>10.99.x.y, a different one per call.</summary>
    private string NextSignupAddress()
    {
        var n = Interlocked.Increment(ref _signups);
        return $"10.99.{(n >> 8) & 0xFF}.{n & 0xFF}";
    }

    /// <summary>Signs up and verifies a new user through the API.</summary>
    public async Task<(string Email, string Password)> CreateVerifiedUserAsync()
    {
        var email = NewEmail();
        const string password = "correct horse battery";
        // Each helper-made user signs up from an address of its own: a test that needs many users
        // (the OpenAPI drive makes dozens) must not meet the per-address signup limit meant for clients.
        var address = new KeyValuePair<string, string>(ClientAddressHeader, NextSignupAddress());
        (await SendAsync(HttpMethod.Post, "/oauth/v1/signup", JsonContent.Create(new { username = email, password }), null, [address])).EnsureSuccessStatusCode();
        var code = await LatestCodeAsync(email);
        (await PostJsonAsync("/oauth/v1/verify", new { username = email, verification_code = code })).EnsureSuccessStatusCode();
        return (email, password);
    }

    public async Task<Tokens> LoginAsync(string email, string password)
    {
        var response = await PostJsonAsync("/oauth/v1/token", new { grant_type = "password", username = email, password });
        response.EnsureSuccessStatusCode();
        return Tokens.From(await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    public async Task<(string Email, string Password, Tokens Tokens)> CreateSignedInUserAsync()
    {
        var (email, password) = await CreateVerifiedUserAsync();
        return (email, password, await LoginAsync(email, password));
    }
}

public sealed record Tokens(string IdentityToken, string AccessToken, string RefreshToken)
{
    public static Tokens From(JsonElement body) => new(
        body.GetProperty("identity_token").GetString()!,
        body.GetProperty("access_token").GetString()!,
        body.GetProperty("refresh_token").GetString()!);
}

/// <summary>Sets the connection's remote address from a test header, before the server's own pipeline.</summary>
internal sealed class ClientAddressFromHeader : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, proceed) =>
        {
            if (System.Net.IPAddress.TryParse(context.Request.Headers[RaytioFactory.ClientAddressHeader], out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }
            await proceed();
        });
        next(app);
    };
}
