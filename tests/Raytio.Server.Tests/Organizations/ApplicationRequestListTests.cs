using System.Net;
using System.Text.Json;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Organizations;

/// <summary>Operation 14: the organisation's requests, newest first, in pages.</summary>
public sealed class ApplicationRequestListTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task Lists_the_organisations_requests_newest_first_in_the_answer_shape()
    {
        var org = await app.CreateOrgAsync();
        var other = await app.CreateOrgAsync();
        var created = new List<JsonElement>();
        for (var i = 0; i < 3; i++)
        {
            created.Add(await app.CreateRequestAsync(org));
        }
        await app.CreateRequestAsync(other);
        var member = await app.NewMemberAsync(org);

        var list = await (await app.GetAsync(org.RequestsPath(), member.Bearer)).AssertOkAsync();

        Assert.Equal(created.Select(c => c.ShortCode()).Reverse(), list.EnumerateArray().Select(r => r.ShortCode()));
        Assert.Equal(created[^1].GetRawText(), list[0].GetRawText());
    }

    [Fact]
    public async Task Pages_follow_each_other_with_limit_and_starting_after()
    {
        var org = await app.CreateOrgAsync();
        var codes = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            codes.Add((await app.CreateRequestAsync(org)).ShortCode());
        }
        codes.Reverse();

        var seen = new List<string>();
        string? after = null;
        for (var page = 0; page < 4; page++)
        {
            var query = after is null ? "?limit=2" : $"?limit=2&starting_after={after}";
            var answer = await (await app.GetAsync(org.RequestsPath() + query, org.Admin.Bearer)).AssertOkAsync();
            var shortCodes = answer.EnumerateArray().Select(r => r.ShortCode()).ToList();
            Assert.True(shortCodes.Count <= 2);
            seen.AddRange(shortCodes);
            after = shortCodes.LastOrDefault();
            if (after is null)
            {
                break;
            }
        }
        Assert.Equal(codes, seen);
        Assert.Equal(5, (await (await app.GetAsync(org.RequestsPath(), org.Admin.Bearer)).AssertOkAsync()).GetArrayLength());
    }

    [Theory]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=101", "limit")]
    [InlineData("?limit=ten", "limit")]
    [InlineData("?limit=-1", "limit")]
    [InlineData("?starting_after=abcdefghij", "starting_after")]
    [InlineData("?starting_after=not%20a%20code", "starting_after")]
    public async Task Bad_paging_is_400_naming_the_parameter(string query, string field)
    {
        var org = await app.CreateOrgAsync();
        var response = await app.GetAsync(org.RequestsPath() + query, org.Admin.Bearer);

        var error = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(error.GetProperty("errors").TryGetProperty(field, out _), error.GetRawText());
    }

    [Fact]
    public async Task Another_organisations_short_code_is_no_cursor_here()
    {
        var org = await app.CreateOrgAsync();
        var other = await app.CreateOrgAsync(org.Admin, "Other");
        var theirs = (await app.CreateRequestAsync(other)).ShortCode();

        var response = await app.GetAsync($"{org.RequestsPath()}?starting_after={theirs}", org.Admin.Bearer);
        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task The_largest_page_is_accepted_and_an_empty_organisation_lists_nothing()
    {
        var org = await app.CreateOrgAsync();
        var answer = await (await app.GetAsync($"{org.RequestsPath()}?limit=100", org.Admin.Bearer)).AssertOkAsync();
        Assert.Equal(0, answer.GetArrayLength());
    }
}
