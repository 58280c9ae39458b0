using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Links;

/// <summary>
/// A real HTTP client over sockets follows /l/{id} from the server on a loopback port (Kestrel)
/// to a second local HTTP server, which records the request it received.
/// </summary>
public sealed class RealRedirectTests(RealRedirectTests.ListeningFactory app) : IClassFixture<RealRedirectTests.ListeningFactory>, IAsyncLifetime
{
    private readonly ConcurrentQueue<string> _hits = new();
    private WebApplication? _target;
    private Uri? _targetAddress;

    public async Task InitializeAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        _target = builder.Build();
        _target.MapGet("/{**rest}", (HttpRequest request) =>
        {
            _hits.Enqueue(request.Path + request.QueryString);
            return "landed";
        });
        await _target.StartAsync();
        _targetAddress = new Uri($"http://127.0.0.1:{port}");
    }

    public async Task DisposeAsync()
    {
        if (_target is not null)
        {
            await _target.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_client_following_redirects_lands_on_the_links_url()
    {
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = true }) { BaseAddress = app.BaseAddress };
        var user = await GraphUser.CreateAsync(app);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/org/v1/links") { Content = JsonContent.Create(new { url = new Uri(_targetAddress!, "/landing?from=short%20link").ToString() }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.Bearer);
        var created = await (await http.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("short_link_id").GetString();

        var landed = await http.GetAsync($"/l/{id}");

        Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
        Assert.Equal("landed", await landed.Content.ReadAsStringAsync());
        Assert.Equal(new Uri(_targetAddress!, "/landing?from=short%20link"), landed.RequestMessage?.RequestUri);
        Assert.Equal("/landing?from=short%20link", Assert.Single(_hits));
    }

    [Fact]
    public async Task A_client_following_an_unknown_link_gets_the_404_and_goes_nowhere()
    {
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = true }) { BaseAddress = app.BaseAddress };
        var response = await http.GetAsync("/l/abcdefghij");

        await response.AssertErrorAsync(HttpStatusCode.NotFound, "link_not_found");
        Assert.Empty(_hits);
    }

    /// <summary>The host on a loopback port (Kestrel), reached over real sockets.</summary>
    public sealed class ListeningFactory : RaytioFactory
    {
        public ListeningFactory() => UseKestrel(0);

        public Uri BaseAddress => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }
}
