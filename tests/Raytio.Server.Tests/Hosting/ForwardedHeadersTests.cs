using System.Net;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Hosting;

/// <summary>X-Forwarded-For counts only from a trusted proxy; otherwise the socket's address is the client.</summary>
public sealed class ForwardedHeadersTests
{
    private const string Proxy = "10.0.0.5";

    [Fact]
    public async Task Without_a_trusted_proxy_a_forwarded_address_is_ignored()
    {
        await using var app = new ThreeFailuresPerClientFactory(trustProxy: false);
        await app.InitializeAsync();

        await FailThreeTimesAsync(app, forwardedFor: "192.0.2.1");
        // The same socket claiming another address is the same client: its counter is spent.
        var response = await FailedLoginAsync(app, forwardedFor: "192.0.2.2");
        await response.AssertErrorAsync(HttpStatusCode.TooManyRequests, "too_many_requests");
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_each_forwarded_client_has_its_own_counter()
    {
        await using var app = new ThreeFailuresPerClientFactory(trustProxy: true);
        await app.InitializeAsync();

        await FailThreeTimesAsync(app, forwardedFor: "192.0.2.1");
        await (await FailedLoginAsync(app, forwardedFor: "192.0.2.1")).AssertErrorAsync(HttpStatusCode.TooManyRequests, "too_many_requests");
        await (await FailedLoginAsync(app, forwardedFor: "192.0.2.2")).AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    private static async Task FailThreeTimesAsync(RaytioFactory app, string forwardedFor)
    {
        for (var i = 0; i < 3; i++)
        {
            await (await FailedLoginAsync(app, forwardedFor)).AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        }
    }

    /// <summary>A different unknown username each time, so only the per-client counter adds up.</summary>
    private static Task<HttpResponseMessage> FailedLoginAsync(RaytioFactory app, string forwardedFor) =>
        app.PostJsonFromAsync(Proxy, "/oauth/v1/token",
            new { grant_type = "password", username = RaytioFactory.NewEmail(), password = "wrong password" },
            [new("X-Forwarded-For", forwardedFor)]);

    private sealed class ThreeFailuresPerClientFactory(bool trustProxy) : RaytioFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings => trustProxy
            ? [new("Raytio:Throttle:FailuresPerClient", "3"), new("Raytio:Proxy:KnownProxies:0", Proxy)]
            : [new("Raytio:Throttle:FailuresPerClient", "3")];
    }
}
