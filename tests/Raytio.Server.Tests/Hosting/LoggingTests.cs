using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Hosting;

public sealed class LoggingTests(LoggingTests.CapturingFactory app) : IClassFixture<LoggingTests.CapturingFactory>
{
    [Fact]
    public async Task Requests_are_logged_without_passwords_codes_or_tokens()
    {
        var email = RaytioFactory.NewEmail();
        const string password = "a very secret passphrase";
        await (await app.PostJsonAsync("/oauth/v1/signup", new { username = email, password })).AssertOkAsync();
        var code = await app.LatestCodeAsync(email);
        await (await app.PostJsonAsync("/oauth/v1/verify", new { username = email, verification_code = code })).AssertOkAsync();
        var tokens = await app.LoginAsync(email, password);
        await (await app.GetAsync("/db/v1/preferences", tokens.IdentityToken)).AssertOkAsync();

        var lines = app.Lines.ToArray();
        Assert.Contains(lines, l => l.Contains("POST /oauth/{version}/signup responded 200", StringComparison.Ordinal));
        foreach (var secret in new[] { password, code, tokens.IdentityToken, tokens.RefreshToken, tokens.AccessToken })
        {
            Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.Ordinal));
        }
    }

    public sealed class CapturingFactory : RaytioFactory
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Logging:LogLevel:Default", "Trace");
            builder.ConfigureServices(services => services.AddLogging(logging => logging.AddProvider(new CaptureProvider(Lines))));
        }
    }

    private sealed class CaptureProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CaptureLogger(lines);

        public void Dispose()
        {
        }
    }

    private sealed class CaptureLogger(ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(formatter(state, exception) + exception);
    }
}
