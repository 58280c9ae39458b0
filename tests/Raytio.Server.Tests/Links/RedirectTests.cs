using System.Net;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Links;

/// <summary>GET /l/{short_link_id}: 302 to the URL, the same 404 for unknown, malformed and expired ids.</summary>
public sealed class RedirectTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task A_live_link_redirects_with_302_to_its_url()
    {
        var id = await app.StoreLinkAsync("https://example.com/form?x=1");
        var response = await app.FollowOnceAsync($"/l/{id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("https://example.com/form?x=1", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("https://bücher.example/straße", "https://xn--bcher-kva.example/stra%C3%9Fe")]
    [InlineData("https://app.example/form?pages=[{\"name\": \"Your address\"}]", "https://app.example/form?pages=[%7B%22name%22:%20%22Your%20address%22%7D]")]
    public async Task A_url_a_header_cannot_carry_as_it_is_is_sent_escaped(string url, string location)
    {
        var id = await app.StoreLinkAsync(url);
        var response = await app.FollowOnceAsync($"/l/{id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("abcdefghij")]
    [InlineData("short")]
    [InlineData("ABCDEFGHIJ")]
    [InlineData("abcdefghij0")]
    public async Task Unknown_or_malformed_ids_answer_404_link_not_found(string id) =>
        await (await app.FollowOnceAsync($"/l/{id}")).AssertErrorAsync(HttpStatusCode.NotFound, "link_not_found");

    [Fact]
    public async Task An_expired_link_answers_404_from_its_expiry_on()
    {
        var expiresAt = app.Time.GetUtcNow().UtcDateTime.AddMinutes(10);
        var id = await app.StoreLinkAsync("https://example.com/soon-gone", expiresAt);
        Assert.Equal(HttpStatusCode.Redirect, (await app.FollowOnceAsync($"/l/{id}")).StatusCode);

        app.Time.Advance(TimeSpan.FromMinutes(10));
        await (await app.FollowOnceAsync($"/l/{id}")).AssertErrorAsync(HttpStatusCode.NotFound, "link_not_found");
    }
}
