using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Graph;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Audit;

/// <summary>Operation 89: who may read the events about an id, their shape, and paging.</summary>
public sealed partial class AuditEndpointTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task The_owner_and_a_views_holder_read_an_objects_events_and_others_get_404()
    {
        var owner = await GraphUser.CreateAsync(app);
        var viewer = await GraphUser.CreateAsync(app);
        var stranger = await GraphUser.CreateAsync(app);
        var node = await app.OwnedObjectAsync(owner);
        await app.RelationshipAsync(await app.UserNodeAsync(viewer), node.Id, RelationshipTypes.Views);
        await app.RecordAsync(AuditEventTypes.ProfileCreate, owner.Id, node.Key);

        foreach (var reader in new[] { owner, viewer })
        {
            var events = await (await app.GetAsync($"/papertrail/v1/audit/{node.Key}", reader.Bearer)).AssertOkAsync();
            var only = Assert.Single(events.EnumerateArray());
            Assert.Equal(AuditEventTypes.ProfileCreate, only.GetProperty("event_type").GetString());
            Assert.Equal(owner.Id, only.GetProperty("u_id").GetGuid());
        }
        await (await app.GetAsync($"/papertrail/v1/audit/{node.Key}", stranger.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "not_found");
        await (await app.GetAsync($"/papertrail/v1/audit/{Guid.NewGuid()}", stranger.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "not_found");
        await (await app.GetAsync($"/papertrail/v1/audit/{node.Key}")).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task A_user_reads_their_own_login_and_password_events_but_not_another_users()
    {
        var (email, password, tokens) = await app.CreateSignedInUserAsync();
        var self = Guid.Parse(TokenForge.SubjectOf(tokens.IdentityToken));
        var other = await GraphUser.CreateAsync(app);
        await (await app.PostJsonAsync("/oauth/v1/password-change",
            new { access_token = tokens.AccessToken, password_existing = password, password_new = "a new password" }, tokens.IdentityToken)).AssertOkAsync();
        var renewed = await app.LoginAsync(email, "a new password");

        var events = await (await app.GetAsync($"/papertrail/v1/audit/{self}", renewed.IdentityToken)).AssertOkAsync();
        Assert.Equal([AuditEventTypes.Login, AuditEventTypes.PasswordChange, AuditEventTypes.Login], TypesOf(events));
        Assert.All(events.EnumerateArray(), e => Assert.Equal(self, e.GetProperty("u_id").GetGuid()));
        Assert.DoesNotContain(email, events.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(password, events.GetRawText(), StringComparison.Ordinal);

        await (await app.GetAsync($"/papertrail/v1/audit/{other.Id}", renewed.IdentityToken)).AssertErrorAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task A_password_reset_records_a_password_change()
    {
        var (email, _) = await app.CreateVerifiedUserAsync();
        await (await app.PostJsonAsync("/oauth/v1/password-reset", new { username = email })).AssertOkAsync();
        await (await app.PostJsonAsync("/oauth/v1/password-confirm",
            new { username = email, verification_code = await app.LatestCodeAsync(email), password = "a new password" })).AssertOkAsync();
        var tokens = await app.LoginAsync(email, "a new password");
        var self = Guid.Parse(TokenForge.SubjectOf(tokens.IdentityToken));

        var events = await (await app.GetAsync($"/papertrail/v1/audit/{self}", tokens.IdentityToken)).AssertOkAsync();
        Assert.Equal([AuditEventTypes.Login, AuditEventTypes.PasswordChange], TypesOf(events));
        Assert.Equal("reset", events[1].GetProperty("event").GetProperty("method").GetString());
    }

    [Fact]
    public async Task Events_come_newest_first_in_the_references_shape_and_page_with_limit_and_starting_after()
    {
        var owner = await GraphUser.CreateAsync(app);
        var node = await app.OwnedObjectAsync(owner);
        for (var i = 0; i < 30; i++)
        {
            await app.RecordAsync(AuditEventTypes.ProfileUpdate, owner.Id, node.Key, new JsonObject { ["n"] = i });
        }

        var first = await (await app.GetAsync($"/papertrail/v1/audit/{node.Key}", owner.Bearer)).AssertOkAsync();
        Assert.Equal(AuditReader.DefaultLimit, first.GetArrayLength());
        Assert.Equal(29, first[0].GetProperty("event").GetProperty("n").GetInt32());
        var item = first[0];
        Assert.Equal(["id", "date", "event_type", "u_id", "event"], item.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Matches(ReferenceDate(), item.GetProperty("date").GetString());

        var seen = new List<int>();
        string? cursor = null;
        do
        {
            var page = await (await app.GetAsync($"/papertrail/v1/audit/{node.Key}?limit=7{(cursor is null ? "" : "&starting_after=" + cursor)}", owner.Bearer)).AssertOkAsync();
            seen.AddRange(page.EnumerateArray().Select(e => e.GetProperty("event").GetProperty("n").GetInt32()));
            cursor = page.GetArrayLength() == 7 ? page[6].GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        }
        while (cursor is not null);
        Assert.Equal(Enumerable.Range(0, 30).Reverse(), seen);
    }

    [Theory]
    [InlineData("not-a-uuid", "", "id")]
    [InlineData("{0}", "?limit=0", "limit")]
    [InlineData("{0}", "?limit=101", "limit")]
    [InlineData("{0}", "?limit=ten", "limit")]
    [InlineData("{0}", "?starting_after=abc", "starting_after")]
    [InlineData("{0}", "?starting_after=-3", "starting_after")]
    public async Task Bad_parameters_answer_400_naming_them(string id, string query, string field)
    {
        var user = await GraphUser.CreateAsync(app);
        var body = await (await app.GetAsync($"/papertrail/v1/audit/{string.Format(System.Globalization.CultureInfo.InvariantCulture, id, user.Id)}{query}", user.Bearer))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), body.GetRawText());
    }

    [Fact]
    public async Task Events_hold_hmacs_of_values_never_the_values()
    {
        const string secret = "value-that-must-not-leak";
        var owner = await GraphUser.CreateAsync(app);
        var node = await app.OwnedObjectAsync(owner, $$"""{"name":"{{secret}}"}""");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();
            var hmac = await audit.HmacAsync(JsonValue.Create(secret), CancellationToken.None);
            audit.Record(AuditEventTypes.ProfileUpdate, owner.Id, node.Key, new JsonObject { ["property"] = "name", ["hmac"] = hmac });
            await scope.ServiceProvider.GetRequiredService<Raytio.Server.Data.RaytioDbContext>().SaveChangesAsync();
        }

        var events = await (await app.GetAsync($"/papertrail/v1/audit/{node.Key}", owner.Bearer)).AssertOkAsync();
        var recorded = Assert.Single(events.EnumerateArray()).GetProperty("event");
        Assert.Matches("^[0-9a-f]{64}$", recorded.GetProperty("hmac").GetString());
        Assert.DoesNotContain(secret, events.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, string.Concat((await app.EventsAboutAsync(node.Key)).Select(e => e.EventJson)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Equal_values_have_equal_hmacs_whatever_their_key_order()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();

        var hmac = await audit.HmacAsync(JsonNode.Parse("""{"a":1,"b":[true,"x"]}"""), CancellationToken.None);

        Assert.Equal(hmac, await audit.HmacAsync(JsonNode.Parse("""{ "b": [true, "x"], "a": 1.0 }"""), CancellationToken.None));
        Assert.NotEqual(hmac, await audit.HmacAsync(JsonNode.Parse("""{"a":2,"b":[true,"x"]}"""), CancellationToken.None));
    }

    private static string[] TypesOf(JsonElement events) => [.. events.EnumerateArray().Select(e => e.GetProperty("event_type").GetString()!)];

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$")]
    private static partial Regex ReferenceDate();
}
