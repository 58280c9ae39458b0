using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Links;
using Raytio.Server.Hosting;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Links;

/// <summary>Operations 9 and 10: making a short link, reading it, its expiry and the URL rules.</summary>
public sealed class ShortLinkTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    private const string Create = "/org/v1/links";

    [Fact]
    public async Task A_link_is_answered_in_the_reference_shape_read_back_and_followed()
    {
        var user = await GraphUser.CreateAsync(app);
        var created = await (await app.PostJsonAsync(Create, new { url = "https://example.com/form?x=1" }, user.Bearer)).AssertOkAsync();

        var id = created.GetProperty("short_link_id").GetString()!;
        Assert.True(ShortIds.IsWellFormed(id));
        Assert.Equal(["persist", "url", "short_link_id"], created.EnumerateObject().Select(p => p.Name));
        Assert.False(created.GetProperty("persist").GetBoolean());
        Assert.Equal("https://example.com/form?x=1", created.GetProperty("url").GetString());

        var read = await (await app.GetAsync($"/org/v1/links/{id}")).AssertOkAsync();
        Assert.Equal(created.GetRawText(), read.GetRawText());
        var followed = await app.FollowOnceAsync($"/l/{id}");
        Assert.Equal(HttpStatusCode.Redirect, followed.StatusCode);
        Assert.Equal("https://example.com/form?x=1", followed.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Creating_is_recorded_with_the_id_and_persist_but_not_the_url()
    {
        var user = await GraphUser.CreateAsync(app);
        var created = await (await app.PostJsonAsync(Create, new { url = "https://example.com/secret-path", persist = true }, user.Bearer)).AssertOkAsync();

        var audit = Assert.Single(await app.WithDbAsync(db => db.AuditEvents.Where(e => e.SubjectId == user.Id && e.EventType == AuditEventTypes.LinkCreate).ToListAsync()));
        Assert.Equal(user.Id, audit.UserId);
        var details = JsonDocument.Parse(audit.EventJson).RootElement;
        Assert.Equal(created.GetProperty("short_link_id").GetString(), details.GetProperty("short_link_id").GetString());
        Assert.True(details.GetProperty("persist").GetBoolean());
        Assert.DoesNotContain("secret-path", audit.EventJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_persist_a_link_expires_after_thirty_days_and_the_cleanup_removes_it()
    {
        var user = await GraphUser.CreateAsync(app);
        var temporary = await CreateAsync(user, new { url = "https://example.com/temporary", persist = false });
        var kept = await CreateAsync(user, new { url = "https://example.com/kept", persist = true });
        var stored = await app.WithDbAsync(db => db.ShortLinks.SingleAsync(l => l.Id == temporary));
        Assert.Equal(TimeSpan.FromDays(30), stored.ExpiresAt - stored.CreatedAt);

        app.Time.Advance(TimeSpan.FromDays(30) - TimeSpan.FromMinutes(1));
        await (await app.GetAsync($"/org/v1/links/{temporary}")).AssertOkAsync();
        app.Time.Advance(TimeSpan.FromMinutes(1));
        await (await app.GetAsync($"/org/v1/links/{temporary}")).AssertErrorAsync(HttpStatusCode.NotFound, "link_not_found");
        await (await app.FollowOnceAsync($"/l/{temporary}")).AssertErrorAsync(HttpStatusCode.NotFound, "link_not_found");
        await (await app.GetAsync($"/org/v1/links/{kept}")).AssertOkAsync();

        await app.Services.GetRequiredService<CleanupPass>().RunAsync(CancellationToken.None);
        Assert.False(await app.WithDbAsync(db => db.ShortLinks.AnyAsync(l => l.Id == temporary)));
        Assert.True(await app.WithDbAsync(db => db.ShortLinks.AnyAsync(l => l.Id == kept)));
    }

    [Theory]
    [InlineData("abcdefghij")]
    [InlineData("short")]
    [InlineData("ABCDEFGHIJ")]
    [InlineData("abc-efghij")]
    public async Task Reading_an_unknown_or_malformed_id_answers_404(string id) =>
        await (await app.GetAsync($"/org/v1/links/{id}")).AssertErrorAsync(HttpStatusCode.NotFound, "link_not_found");

    [Theory]
    [InlineData("javascript:alert(1)", "must be an absolute http or https URL")]
    [InlineData("data:text/html,<script>alert(1)</script>", "must be an absolute http or https URL")]
    [InlineData("ftp://example.com/file", "must be an absolute http or https URL")]
    [InlineData("/relative/path", "must be an absolute http or https URL")]
    [InlineData("example.com/no-scheme", "must be an absolute http or https URL")]
    [InlineData("https://bank.example@evil.example/", "must not contain a user name or password")]
    [InlineData("https://user:pass@example.com/", "must not contain a user name or password")]
    [InlineData("   ", "is required")]
    [InlineData(null, "is required")]
    public async Task Urls_other_than_plain_http_and_https_answer_400_naming_url(string? url, string message)
    {
        var user = await GraphUser.CreateAsync(app);
        var error = await (await app.PostJsonAsync(Create, new { url, persist = true }, user.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains(message, error.GetProperty("errors").GetProperty("url")[0].GetString());
    }

    [Theory]
    [InlineData("  https://example.com/padded \n", "https://example.com/padded")]
    [InlineData("https://bücher.example/straße", "https://bücher.example/straße")]
    [InlineData("HTTP://EXAMPLE.COM/Upper", "HTTP://EXAMPLE.COM/Upper")]
    public async Task Valid_urls_are_kept_as_given_apart_from_surrounding_whitespace(string url, string kept)
    {
        var user = await GraphUser.CreateAsync(app);
        var created = await (await app.PostJsonAsync(Create, new { url }, user.Bearer)).AssertOkAsync();
        Assert.Equal(kept, created.GetProperty("url").GetString());
    }

    [Fact]
    public async Task Without_persist_the_url_may_be_2048_characters_with_persist_32768()
    {
        var user = await GraphUser.CreateAsync(app);
        await (await app.PostJsonAsync(Create, new { url = UrlOfLength(2048) }, user.Bearer)).AssertOkAsync();
        var error = await (await app.PostJsonAsync(Create, new { url = UrlOfLength(2049) }, user.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("at most 2048 characters", error.GetProperty("errors").GetProperty("url")[0].GetString());
        await (await app.PostJsonAsync(Create, new { url = UrlOfLength(2049), persist = false }, user.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");

        var persisted = await CreateAsync(user, new { url = UrlOfLength(32_768), persist = true });
        Assert.Equal(32_768, (await app.WithDbAsync(db => db.ShortLinks.SingleAsync(l => l.Id == persisted))).Url.Length);
        var tooLong = await (await app.PostJsonAsync(Create, new { url = UrlOfLength(32_769), persist = true }, user.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("at most 32768 characters", tooLong.GetProperty("errors").GetProperty("url")[0].GetString());
    }

    [Theory]
    [InlineData("""{"url":"https://example.com/","persist":"yes"}""", "persist")]
    [InlineData("""{"url":42}""", "url")]
    [InlineData("""{"persist":true}""", "url")]
    public async Task Wrongly_typed_or_missing_fields_answer_400_naming_them(string body, string field)
    {
        var user = await GraphUser.CreateAsync(app);
        var error = await (await app.SendJsonTextAsync(HttpMethod.Post, Create, body, user.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(error.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Anonymous_callers_cannot_create_but_may_read()
    {
        await (await app.PostJsonAsync(Create, new { url = "https://example.com/" })).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        var user = await GraphUser.CreateAsync(app);
        var id = await CreateAsync(user, new { url = "https://example.com/" });
        await (await app.GetAsync($"/org/v1/links/{id}")).AssertOkAsync();
    }

    [Fact]
    public void Ids_are_well_formed_and_distinct()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => ShortIds.New()).ToList();
        Assert.All(ids, id => Assert.True(ShortIds.IsWellFormed(id), id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task Ids_given_by_the_api_are_distinct_and_not_sequential()
    {
        var user = await GraphUser.CreateAsync(app);
        var ids = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            ids.Add(await CreateAsync(user, new { url = $"https://example.com/{i}" }));
        }
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.NotEqual(ids.Order(StringComparer.Ordinal), ids);
    }

    private async Task<string> CreateAsync(GraphUser user, object body) =>
        (await (await app.PostJsonAsync(Create, body, user.Bearer)).AssertOkAsync()).GetProperty("short_link_id").GetString()!;

    private static string UrlOfLength(int length)
    {
        const string prefix = "https://example.com/";
        return prefix + new string('a', length - prefix.Length);
    }
}
