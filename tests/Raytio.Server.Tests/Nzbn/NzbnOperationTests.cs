using System.Net;
using System.Text.Json;
using Raytio.Server.Providers.Nzbn.Sandbox;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Nzbn;

/// <summary>Operations 108, 109 and 90 on the Sandbox register, through the real pipeline.</summary>
public sealed class NzbnOperationTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    private static readonly string Kowhai = NzbnSandboxGenerator.NzbnOf(1);

    [Fact]
    public async Task A_search_finds_by_name_trading_name_nzbn_and_company_number_in_the_reference_shape()
    {
        var user = await GraphUser.CreateAsync(app);

        var byName = await SearchAsync(user, "search-term=kowhai%20test");
        var byNzbn = await SearchAsync(user, $"search-term={Kowhai}");
        var byNumber = await SearchAsync(user, $"search-term={NzbnSandboxGenerator.CompanyNumberOf(1)}");
        var byTradingName = await SearchAsync(user, "search-term=pukeko%20test%20plumbing");

        var item = Assert.Single(byName.GetProperty("items").EnumerateArray());
        Assert.Equal(Kowhai, item.GetProperty("nzbn").GetString());
        Assert.Equal("KOWHAI TEST HOLDINGS LIMITED", item.GetProperty("entityName").GetString());
        Assert.Equal("LTD", item.GetProperty("entityType").GetProperty("id").GetString());
        Assert.Equal("NZ Limited Company", item.GetProperty("entityType").GetProperty("name").GetString());
        Assert.Equal(50, item.GetProperty("entityStatus").GetProperty("id").GetInt32());
        Assert.Equal("Registered", item.GetProperty("entityStatus").GetProperty("name").GetString());
        Assert.Equal(NzbnSandboxGenerator.CompanyNumberOf(1), item.GetProperty("sourceRegisterUniqueId").GetString());
        Assert.Equal($"/nzbn/v1/entities/{Kowhai}", item.GetProperty("entity").GetProperty("href").GetString());
        Assert.Equal("2015-03-02T10:15:00", item.GetProperty("registrationDate").GetString());
        Assert.Equal(1, byName.GetProperty("totalItems").GetInt32());
        Assert.Equal(("entityName", "ASC"), (byName.GetProperty("sortBy").GetString(), byName.GetProperty("sortOrder").GetString()));
        Assert.Equal(Kowhai, Assert.Single(byNzbn.GetProperty("items").EnumerateArray()).GetProperty("nzbn").GetString());
        Assert.Equal(Kowhai, Assert.Single(byNumber.GetProperty("items").EnumerateArray()).GetProperty("nzbn").GetString());
        Assert.Equal(["Pukeko Test Plumbing"], Assert.Single(byTradingName.GetProperty("items").EnumerateArray()).GetProperty("tradingNames").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task Filters_narrow_the_search_and_pages_do_not_overlap()
    {
        var user = await GraphUser.CreateAsync(app);

        var liquidating = await SearchAsync(user, "entity-status=InLiquidation&entity-type=NZCompany&page-size=200");
        var first = await SearchAsync(user, "entity-type=LTD&page-size=7");
        var second = await SearchAsync(user, "entity-type=LTD&page-size=7&page=1");
        var cafes = await SearchAsync(user, "industry-code=H45&page-size=200");

        var items = liquidating.GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(items, i => i.GetProperty("entityName").GetString() == "TUI TEST VENTURES LIMITED");
        Assert.All(items, i => Assert.Contains(i.GetProperty("entityStatus").GetProperty("id").GetInt32(), new[] { 60, 61, 63, 64, 65, 66, 71 }));
        Assert.All(items, i => Assert.Contains(i.GetProperty("entityType").GetProperty("id").GetString(), new[] { "LTD", "ULTD", "COOP" }));
        var names = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(i => i.GetProperty("nzbn").GetString()).ToList();
        Assert.Equal(14, names.Distinct().Count());
        Assert.Equal(first.GetProperty("totalItems").GetInt32(), second.GetProperty("totalItems").GetInt32());
        Assert.Contains(first.GetProperty("links").EnumerateArray(), l => l.GetProperty("rel").GetString() == "next" && l.GetProperty("href").GetString()!.Contains("page=1", StringComparison.Ordinal));
        Assert.Contains(second.GetProperty("links").EnumerateArray(), l => l.GetProperty("rel").GetString() == "previous");
        Assert.NotEmpty(cafes.GetProperty("items").EnumerateArray());
        Assert.All(cafes.GetProperty("items").EnumerateArray(), i => Assert.StartsWith("H45", i.GetProperty("industryClassification")[0].GetProperty("classificationCode").GetString()));
    }

    [Fact]
    public async Task A_change_history_search_finds_the_changes_in_its_window()
    {
        var user = await GraphUser.CreateAsync(app);

        // Ben Taylor stopped being a director of KOWHAI TEST HOLDINGS on 2019-06-30.
        var found = await SearchAsync(user, "change-event=role:company%20director&dateTimeFrom=2019-06-29T00:00:00&dateTimeTo=2019-07-01T00:00:00&page-size=200");
        var before = await SearchAsync(user, "change-event=role:company%20director&dateTimeFrom=2019-07-02T00:00:00&dateTimeTo=2019-07-03T00:00:00&page-size=200");

        var kowhai = Assert.Single(found.GetProperty("items").EnumerateArray(), i => i.GetProperty("nzbn").GetString() == Kowhai);
        Assert.Equal(["role:company director"], kowhai.GetProperty("changeEvent").EnumerateArray().Select(e => e.GetString()));
        Assert.DoesNotContain(before.GetProperty("items").EnumerateArray(), i => i.GetProperty("nzbn").GetString() == Kowhai);
    }

    [Theory]
    [InlineData("entity-status=Bankrupt", "entity-status")]
    [InlineData("entity-type=Company", "entity-type")]
    [InlineData("change-event=colour", "change-event")]
    [InlineData("change-event=name&search-term=kowhai", "search-term")]
    [InlineData("change-event=name&industry-code=M69", "industry-code")]
    [InlineData("search-term=kowhai&dateTimeFrom=2020-01-01T00:00:00", "dateTimeFrom")]
    [InlineData("change-event=name&dateTimeFrom=yesterday", "dateTimeFrom")]
    [InlineData("change-event=name&dateTimeFrom=2020-01-02T00:00:00&dateTimeTo=2020-01-01T00:00:00", "dateTimeTo")]
    [InlineData("page=-1", "page")]
    [InlineData("page-size=0", "page-size")]
    [InlineData("page-size=201", "page-size")]
    [InlineData("mapped=perhaps", "mapped")]
    public async Task A_bad_search_parameter_is_a_400_naming_it(string query, string field)
    {
        var user = await GraphUser.CreateAsync(app);

        var body = await (await app.GetAsync($"/nzbn/v1/entities?{query}", user.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), body.ToString());
    }

    [Fact]
    public async Task A_request_id_that_is_not_a_uuid_is_a_400()
    {
        var user = await GraphUser.CreateAsync(app);

        var response = await app.SendAsync(HttpMethod.Get, "/nzbn/v1/entities?search-term=kowhai", null, user.Bearer, [new("api-business-govt-nz-Request-Id", "abc")]);

        Assert.True((await response.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").TryGetProperty("api-business-govt-nz-Request-Id", out _));
    }

    [Fact]
    public async Task The_entity_read_answers_the_full_record_in_the_reference_shape()
    {
        var user = await GraphUser.CreateAsync(app);

        var entity = await (await app.GetAsync($"/nzbn/v1/entities/{Kowhai}", user.Bearer)).AssertOkAsync();

        Assert.Equal("KOWHAI TEST HOLDINGS LIMITED", entity.GetProperty("entityName").GetString());
        Assert.Equal("50", entity.GetProperty("entityStatusCode").GetString());
        var shareholding = entity.GetProperty("company").GetProperty("shareholding");
        Assert.Equal(1000, shareholding.GetProperty("numberOfShares").GetInt64());
        Assert.Equal("Individual", shareholding.GetProperty("shareAllocation")[0].GetProperty("shareholder")[0].GetProperty("type").GetString());
        Assert.Equal("ARIA", shareholding.GetProperty("shareAllocation")[0].GetProperty("shareholder")[0].GetProperty("individualShareholder").GetProperty("firstName").GetString());
        Assert.Equal(["ACTIVE", "INACTIVE"], entity.GetProperty("roles").EnumerateArray().Select(r => r.GetProperty("roleStatus").GetString()));
        Assert.Equal("Whataupoko", entity.GetProperty("registeredAddress")[0].GetProperty("address2").GetString());
        Assert.False(entity.GetProperty("privacySettings").GetProperty("nzbnPrivateInformation").GetBoolean());
    }

    [Fact]
    public async Task The_ownership_summary_answers_the_hand_checked_percentages_in_the_reference_shape()
    {
        var user = await GraphUser.CreateAsync(app);

        var summary = await (await app.GetAsync($"/nzbn/v1/entities/{Kowhai}/ownership", user.Bearer)).AssertOkAsync();

        Assert.Equal(("KOWHAI TEST HOLDINGS LIMITED", "LTD", "Registered", "1000", "8", "NZ"),
            (summary.GetProperty("name").GetString(), summary.GetProperty("type").GetString(), summary.GetProperty("status").GetString(),
             summary.GetProperty("total_shares").GetString(), summary.GetProperty("return_month").GetString(), summary.GetProperty("country_of_origin").GetString()));
        Assert.Equal("2015-03-02T10:15:00", summary.GetProperty("registration_date").GetString());
        var people = summary.GetProperty("people").EnumerateArray().ToList();
        Assert.Equal([("NGATA, ARIA ROSE", 0.75m), ("TAYLOR, BEN", 0.15m)], people.Select(p => (p.GetProperty("name").GetString()!, p.GetProperty("ownership_percentage").GetDecimal())));
        Assert.Equal("2015-03-02T10:15:00", people[0].GetProperty("director_since").GetString());
        Assert.Equal("INACTIVE", people[1].GetProperty("director_status").GetString());
        var director = summary.GetProperty("directors")[1];
        Assert.Equal(("BEN", "2019-06-30T00:00:00"), (director.GetProperty("first_name").GetString(), director.GetProperty("director_until").GetString()));
        Assert.Equal("300", summary.GetProperty("owners")[1].GetProperty("quantity").GetString());
        Assert.Equal("2015-03-02T10:15:00", summary.GetProperty("owners")[1].GetProperty("holders")[1].GetProperty("held_since").GetString());
    }

    [Fact]
    public async Task The_three_operations_agree_on_every_generated_company_sampled()
    {
        var user = await GraphUser.CreateAsync(app);
        var page = await SearchAsync(user, "entity-type=NZCompany&page=3&page-size=5");

        foreach (var item in page.GetProperty("items").EnumerateArray())
        {
            var nzbn = item.GetProperty("nzbn").GetString();
            var entity = await (await app.GetAsync($"/nzbn/v1/entities/{nzbn}", user.Bearer)).AssertOkAsync();
            var ownership = await (await app.GetAsync($"/nzbn/v1/entities/{nzbn}/ownership", user.Bearer)).AssertOkAsync();

            Assert.Equal(item.GetProperty("entityName").GetString(), entity.GetProperty("entityName").GetString());
            Assert.Equal(entity.GetProperty("entityName").GetString(), ownership.GetProperty("name").GetString());
            var allocations = entity.GetProperty("company").GetProperty("shareholding").GetProperty("shareAllocation").EnumerateArray()
                .Select(a => a.GetProperty("allocation").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(allocations, ownership.GetProperty("owners").EnumerateArray().Select(o => o.GetProperty("quantity").GetString()));
            var owned = ownership.GetProperty("people").EnumerateArray().Sum(p => p.GetProperty("ownership_percentage").GetDecimal());
            Assert.InRange(owned, 0m, 1.00001m);
        }
    }

    [Fact]
    public async Task A_malformed_nzbn_is_a_400_and_an_unknown_one_a_404()
    {
        var user = await GraphUser.CreateAsync(app);
        var wrongCheckDigit = Kowhai[..12] + (char)('0' + (Kowhai[12] - '0' + 1) % 10);
        var unknown = NzbnSandboxGenerator.NzbnOf(999_999);

        foreach (var path in new[] { "", "/ownership" })
        {
            await (await app.GetAsync($"/nzbn/v1/entities/{wrongCheckDigit}{path}", user.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
            await (await app.GetAsync($"/nzbn/v1/entities/abc{path}", user.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
            await (await app.GetAsync($"/nzbn/v1/entities/{unknown}{path}", user.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "nzbn_not_found");
        }
    }

    [Fact]
    public async Task Every_operation_needs_a_signed_in_caller()
    {
        foreach (var path in new[] { "/nzbn/v1/entities?search-term=kowhai", $"/nzbn/v1/entities/{Kowhai}", $"/nzbn/v1/entities/{Kowhai}/ownership" })
        {
            await (await app.GetAsync(path)).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        }
    }

    private async Task<JsonElement> SearchAsync(GraphUser user, string query) =>
        await (await app.GetAsync($"/nzbn/v1/entities?{query}", user.Bearer)).AssertOkAsync();
}
