using System.Net;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Hosting;

public sealed class PreferencesTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task Preferences_start_empty_and_are_replaced_per_user()
    {
        var (_, _, alice) = await app.CreateSignedInUserAsync();
        var (_, _, bob) = await app.CreateSignedInUserAsync();
        Assert.Equal("{}", (await (await app.GetAsync("/db/v1/preferences", alice.IdentityToken)).AssertOkAsync()).GetRawText());

        var put = await PutAsync("{\"theme\":\"dark\",\"n\":[1,2]}", alice.IdentityToken);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var read = await (await app.GetAsync("/db/v1/preferences", alice.IdentityToken)).AssertOkAsync();
        Assert.Equal("dark", read.GetProperty("theme").GetString());
        Assert.Equal("{}", (await (await app.GetAsync("/db/v1/preferences", bob.IdentityToken)).AssertOkAsync()).GetRawText());
    }

    [Fact]
    public async Task Preferences_must_be_an_object()
    {
        var (_, _, tokens) = await app.CreateSignedInUserAsync();
        await (await PutAsync("[1]", tokens.IdentityToken)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Anonymous_callers_get_401()
    {
        await (await app.GetAsync("/db/v1/preferences")).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await PutAsync("{}", null)).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    private Task<HttpResponseMessage> PutAsync(string json, string? bearer) => app.SendJsonTextAsync(HttpMethod.Put, "/db/v1/preferences", json, bearer);
}
