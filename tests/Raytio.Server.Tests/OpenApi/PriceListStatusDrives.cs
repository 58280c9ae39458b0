using System.Text;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Organizations;
using Raytio.Server.Tests.PriceLists;

namespace Raytio.Server.Tests.OpenApi;

/// <summary>Drives every outcome of the price-list operations (91-97) for <see cref="DeclaredStatusTests"/>.</summary>
internal static class PriceListStatusDrives
{
    public static async Task DrivePriceListsAsync(this RaytioFactory app, string tooLarge)
    {
        var org = await app.CreateOrgAsync();
        var member = await app.NewMemberAsync(org);
        var stranger = await GraphUser.CreateAsync(app);
        await app.PriceAsync(org, "L", "P", "EUR", "1");

        foreach (var path in new[] { PriceListSeed.Products, PriceListSeed.Prices, PriceListSeed.CustomerPriceLists })
        {
            var target = PriceListSeed.ForOrg(path, org);
            await app.SendJsonTextAsync(HttpMethod.Post, target, "[{}]", org.Admin.Bearer);
            await app.SendJsonTextAsync(HttpMethod.Post, target, "{}", org.Admin.Bearer);
            await app.SendJsonTextAsync(HttpMethod.Post, target, "[{}]", member.Bearer);
            await app.SendJsonTextAsync(HttpMethod.Post, target, "[{}]", stranger.Bearer);
            await app.SendJsonTextAsync(HttpMethod.Post, target, "[{}]");
            await app.SendJsonTextAsync(HttpMethod.Post, target, tooLarge, org.Admin.Bearer);
            await app.SendAsync(HttpMethod.Post, target, new StringContent("<a/>", Encoding.UTF8, "application/xml"), org.Admin.Bearer);
            await app.SendJsonTextAsync(HttpMethod.Post, target.Replace("/v1/", "/v2/"), "[{}]", org.Admin.Bearer);

            await app.GetAsync(path, member.Bearer);
            await app.GetAsync($"{path}?org_id=nope", member.Bearer);
            await app.GetAsync(target, stranger.Bearer);
            await app.GetAsync(target);
        }

        var quote = PriceListSeed.Quote(org);
        const string Line = """[{"price_list_id":"L","id":"P","qty":1,"currency":"EUR","manafacturer_id":"mb"}]""";
        await app.SendJsonTextAsync(HttpMethod.Post, quote, Line, member.Bearer);
        await app.SendJsonTextAsync(HttpMethod.Post, quote, Line.Replace("EUR", "USD"), member.Bearer);
        await app.SendJsonTextAsync(HttpMethod.Post, quote, "[{}]", member.Bearer);
        await app.SendJsonTextAsync(HttpMethod.Post, quote, Line, stranger.Bearer);
        await app.SendJsonTextAsync(HttpMethod.Post, quote, Line);
        await app.SendJsonTextAsync(HttpMethod.Post, quote, tooLarge, member.Bearer);
        await app.SendAsync(HttpMethod.Post, quote, new StringContent("<a/>", Encoding.UTF8, "application/xml"), member.Bearer);
    }
}
