using System.Net;
using Raytio.Server.Features.Organizations;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Organizations;
using static Raytio.Server.Tests.PriceLists.PriceListSeed;
using TestOrg = Raytio.Server.Tests.Organizations.Org;

namespace Raytio.Server.Tests.PriceLists;

/// <summary>
/// Who may call operations 91-97 on an organisation's price lists: administrators write, members
/// read and quote; another organisation's administrator and an unrelated user get the same 404
/// as for an unknown organisation; anonymous callers 401.
/// </summary>
public sealed class PriceListAuthorizationTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    private sealed record Cast(TestOrg Org, GraphUser Member, GraphUser OtherOrgAdmin, GraphUser Stranger);

    private async Task<Cast> CastAsync()
    {
        var org = await app.CreateOrgAsync();
        await app.PriceAsync(org, "RON_EUR", "P", "EUR", "1");
        await app.InsertAsync(CustomerPriceLists, org, """[{"customer_id":"c","price_list_id":"RON_EUR"}]""");
        var member = await app.NewMemberAsync(org);
        var other = await app.CreateOrgAsync();
        return new Cast(org, member, other.Admin, await GraphUser.CreateAsync(app));
    }

    public static TheoryData<string, string> Inserts => new()
    {
        { Products, """[{"id":"P2","manufacturer_id":"mb"}]""" },
        { Prices, """[{"price_list_id":"RON_EUR","id":"P","manufacturer_id":"mb","currency":"EUR","credit_unit":2}]""" },
        { CustomerPriceLists, """[{"customer_id":"d","price_list_id":"RON_EUR"}]""" },
    };

    [Theory]
    [MemberData(nameof(Inserts))]
    public async Task Administrators_insert_members_are_403_outsiders_404_anonymous_401(string path, string rows)
    {
        var cast = await CastAsync();
        var target = ForOrg(path, cast.Org);
        var unknown = await app.SendJsonTextAsync(HttpMethod.Post, $"{path}?org_id={Guid.NewGuid()}", rows, cast.Stranger.Bearer);
        var unknownBody = (await unknown.AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found")).ToString();

        Assert.Equal("1 out of 1 records inserted", (await (await app.SendJsonTextAsync(HttpMethod.Post, target, rows, cast.Org.Admin.Bearer)).AssertOkAsync()).GetString());
        await (await app.SendJsonTextAsync(HttpMethod.Post, target, rows, cast.Member.Bearer)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        foreach (var outsider in new[] { cast.OtherOrgAdmin, cast.Stranger })
        {
            var denied = await (await app.SendJsonTextAsync(HttpMethod.Post, target, rows, outsider.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found");
            Assert.Equal(unknownBody, denied.ToString());
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.SendJsonTextAsync(HttpMethod.Post, target, rows)).StatusCode);
    }

    [Fact]
    public async Task A_row_naming_an_organisation_the_caller_does_not_administer_stops_the_whole_request()
    {
        var cast = await CastAsync();
        var mine = await app.CreateOrgAsync(cast.Member);
        var rows = $$"""[{"org_id":"{{mine.Id}}","id":"X","manufacturer_id":"m"},{"org_id":"{{cast.Org.Id}}","id":"Y","manufacturer_id":"m"}]""";
        await (await app.SendJsonTextAsync(HttpMethod.Post, Products, rows, cast.Member.Bearer)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        var foreignRows = $$"""[{"org_id":"{{mine.Id}}","id":"X","manufacturer_id":"m"},{"org_id":"{{Guid.NewGuid()}}","id":"Y","manufacturer_id":"m"}]""";
        await (await app.SendJsonTextAsync(HttpMethod.Post, Products, foreignRows, cast.Member.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found");
        var products = await (await app.GetAsync(ForOrg(Products, mine), cast.Member.Bearer)).AssertOkAsync();
        Assert.Equal(0, products.GetArrayLength());
    }

    [Theory]
    [InlineData(Prices)]
    [InlineData(Products)]
    [InlineData(CustomerPriceLists)]
    public async Task Members_read_outsiders_see_nothing_of_the_organisation(string path)
    {
        var cast = await CastAsync();
        var target = ForOrg(path, cast.Org);
        var expected = (await (await app.GetAsync(target, cast.Org.Admin.Bearer)).AssertOkAsync()).GetRawText();
        Assert.NotEqual("[]", expected);
        Assert.Equal(expected, (await (await app.GetAsync(target, cast.Member.Bearer)).AssertOkAsync()).GetRawText());
        Assert.Equal(expected, (await (await app.GetAsync(path, cast.Member.Bearer)).AssertOkAsync()).GetRawText());

        var unknownBody = (await (await app.GetAsync($"{path}?org_id={Guid.NewGuid()}", cast.Stranger.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found")).ToString();
        foreach (var outsider in new[] { cast.OtherOrgAdmin, cast.Stranger })
        {
            var denied = await (await app.GetAsync(target, outsider.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found");
            Assert.Equal(unknownBody, denied.ToString());
            Assert.DoesNotContain(cast.Org.Id.ToString(), (await (await app.GetAsync(path, outsider.Bearer)).AssertOkAsync()).GetRawText());
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.GetAsync(target)).StatusCode);
    }

    [Fact]
    public async Task Administrators_and_members_quote_outsiders_404_anonymous_401()
    {
        var cast = await CastAsync();
        const string Lines = """[{"price_list_id":"RON_EUR","id":"P","qty":1,"currency":"EUR","manafacturer_id":"mb"}]""";
        var target = Quote(cast.Org);
        foreach (var insider in new[] { cast.Org.Admin, cast.Member })
        {
            await (await app.SendJsonTextAsync(HttpMethod.Post, target, Lines, insider.Bearer)).AssertOkAsync();
        }
        var unknownBody = (await (await app.SendJsonTextAsync(HttpMethod.Post, $"/billing/v1/quotes/{Guid.NewGuid()}", Lines, cast.Stranger.Bearer))
            .AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found")).ToString();
        foreach (var outsider in new[] { cast.OtherOrgAdmin, cast.Stranger })
        {
            var denied = await (await app.SendJsonTextAsync(HttpMethod.Post, target, Lines, outsider.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found");
            Assert.Equal(unknownBody, denied.ToString());
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.SendJsonTextAsync(HttpMethod.Post, target, Lines)).StatusCode);
        Assert.Equal(OrganizationRole.Member, (await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.OrganizationMembers, m => m.UserId == cast.Member.Id))).Role);
    }
}
