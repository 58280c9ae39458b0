using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Organizations;
using TestOrg = Raytio.Server.Tests.Organizations.Org;

namespace Raytio.Server.Tests.PriceLists;

/// <summary>Catalogue rows written through operations 91, 93 and 95, as the tests use them.</summary>
public static class PriceListSeed
{
    public const string Prices = "/billing/v1/prices";
    public const string Products = "/billing/v1/products";
    public const string CustomerPriceLists = "/billing/v1/customer_price_lists";

    public static string ForOrg(string path, TestOrg org) => $"{path}?org_id={org.Id}";

    public static string Quote(TestOrg org, string? customerId = null) =>
        $"/billing/v1/quotes/{org.Id}" + (customerId is null ? "" : $"?customer_id={Uri.EscapeDataString(customerId)}");

    /// <summary>Posts rows (a JSON array as text) and returns the "N out of M records inserted" answer.</summary>
    public static async Task<string> InsertAsync(this RaytioFactory app, string path, TestOrg org, string rowsJson)
    {
        var answer = await (await app.SendJsonTextAsync(HttpMethod.Post, ForOrg(path, org), rowsJson, org.Admin.Bearer)).AssertOkAsync();
        return answer.GetString()!;
    }

    /// <summary>A product and its price in a list, through operations 93 and 91.</summary>
    public static async Task PriceAsync(this RaytioFactory app, TestOrg org, string list, string product, string currency, string creditUnit, string qty = "0", string manufacturer = "mb")
    {
        await app.InsertAsync(Products, org, $$"""[{"id":"{{product}}","manufacturer_id":"{{manufacturer}}"}]""");
        var answer = await app.InsertAsync(Prices, org,
            $$"""[{"price_list_id":"{{list}}","id":"{{product}}","manufacturer_id":"{{manufacturer}}","currency":"{{currency}}","credit_unit":{{creditUnit}},"qty":{{qty}}}]""");
        Assert.Equal("1 out of 1 records inserted", answer);
    }
}
