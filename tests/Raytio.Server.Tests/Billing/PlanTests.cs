using System.Net;
using Raytio.Server.Features.Billing.Embedded;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Billing;

/// <summary>Operations 19 and 20: the seeded catalogue, its filters and cursor pagination.</summary>
public sealed class PlanTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    private async Task<(string[] Ids, bool HasMore)> ListAsync(string query)
    {
        var user = await GraphUser.CreateAsync(app);
        var list = await (await app.GetAsync("/org/v1/plans?" + query, user.Bearer)).AssertOkAsync();
        Assert.Equal("list", list.Str("object"));
        Assert.Equal("v1/plans", list.Str("url"));
        return ([.. list.GetProperty("data").EnumerateArray().Select(p => p.Str("id"))], list.GetProperty("has_more").GetBoolean());
    }

    [Fact]
    public async Task Plans_are_listed_newest_first_in_the_reference_shape()
    {
        var (ids, hasMore) = await ListAsync("");
        Assert.Equal(EmbeddedCatalogue.Plans.OrderByDescending(p => p.Key).Select(p => p.Id), ids);
        Assert.False(hasMore);

        var user = await GraphUser.CreateAsync(app);
        var plan = await (await app.GetAsync($"/org/v1/plans/{EmbeddedCatalogue.Credits550}", user.Bearer)).AssertOkAsync();
        Assert.Equal("plan", plan.Str("object"));
        Assert.Equal(55_000, plan.Long("amount"));
        Assert.Equal("nzd", plan.Str("currency"));
        Assert.Equal("month", plan.Str("interval"));
        Assert.Equal(1, plan.Long("interval_count"));
        Assert.Equal("Credit bundle 550 NZ", plan.Str("nickname"));
        Assert.Equal(EmbeddedCatalogue.CreditsProduct, plan.Str("product"));
        Assert.Equal("per_unit", plan.Str("billing_scheme"));
        Assert.True(plan.GetProperty("active").GetBoolean());
        Assert.Equal(JsonValueKindNull, plan.GetProperty("trial_period_days").ValueKind);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    [Fact]
    public async Task Pages_follow_the_cursors_both_ways()
    {
        var all = EmbeddedCatalogue.Plans.OrderByDescending(p => p.Key).Select(p => p.Id).ToArray();
        var (first, more) = await ListAsync("limit=3");
        Assert.Equal(all[..3], first);
        Assert.True(more);
        var (second, more2) = await ListAsync($"limit=3&starting_after={first[^1]}");
        Assert.Equal(all[3..6], second);
        Assert.True(more2);
        var (last, more3) = await ListAsync($"limit=3&starting_after={second[^1]}");
        Assert.Equal(all[6..], last);
        Assert.False(more3);
        var (back, moreBack) = await ListAsync($"limit=3&ending_before={last[0]}");
        Assert.Equal(second, back);
        Assert.True(moreBack);
        var (front, moreFront) = await ListAsync($"limit=5&ending_before={second[0]}");
        Assert.Equal(first, front);
        Assert.False(moreFront);
        var (one, _) = await ListAsync("limit=1");
        Assert.Single(one);
        var (hundred, _) = await ListAsync("limit=100");
        Assert.Equal(all, hundred);
    }

    [Fact]
    public async Task Filters_keep_active_plans_a_product_and_a_creation_range()
    {
        var (inactive, _) = await ListAsync("active=false");
        Assert.Equal([EmbeddedCatalogue.LegacyMonthly], inactive);
        var (active, _) = await ListAsync("active=true&limit=100");
        Assert.DoesNotContain(EmbeddedCatalogue.LegacyMonthly, active);
        Assert.Equal(EmbeddedCatalogue.Plans.Length - 1, active.Length);
        var (credits, _) = await ListAsync($"product={EmbeddedCatalogue.CreditsProduct}");
        Assert.Equal([EmbeddedCatalogue.Credits550, EmbeddedCatalogue.Credits100], credits);
        var created = EmbeddedCatalogue.Plans.Single(p => p.Id == EmbeddedCatalogue.BusinessMonthly).Created;
        var (exactly, _) = await ListAsync($"created={created}");
        Assert.Equal([EmbeddedCatalogue.BusinessMonthly], exactly);
        var (range, _) = await ListAsync($"created[gt]={created}&created[lte]={created + 60}");
        Assert.Equal([EmbeddedCatalogue.StarterTrial], range);
        var (none, more) = await ListAsync("product=prod_unknown");
        Assert.Empty(none);
        Assert.False(more);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("active=yes", "active")]
    [InlineData("created=soon", "created")]
    [InlineData("created[gte]=x", "created")]
    [InlineData("created=1&created[lt]=2", "created")]
    [InlineData("starting_after=plan_unknown", "starting_after")]
    [InlineData("ending_before=plan_unknown", "ending_before")]
    [InlineData("starting_after=plan_StarterMonthlyNZ&ending_before=plan_BusinessMonthlyNZ", "ending_before")]
    public async Task Bad_list_parameters_answer_400_naming_them(string query, string field)
    {
        var user = await GraphUser.CreateAsync(app);
        var error = await (await app.GetAsync("/org/v1/plans?" + query, user.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(error.GetProperty("errors").TryGetProperty(field, out _), error.ToString());
    }

    [Fact]
    public async Task An_unknown_plan_is_404_and_anonymous_callers_are_401()
    {
        var user = await GraphUser.CreateAsync(app);
        await (await app.GetAsync("/org/v1/plans/plan_unknown", user.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "plan_not_found");
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.GetAsync("/org/v1/plans")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.GetAsync($"/org/v1/plans/{EmbeddedCatalogue.StarterMonthly}")).StatusCode);
    }
}
