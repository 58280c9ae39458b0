using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Raytio.Server.Features.Billing.Metering;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Organizations;
using Raytio.Server.Tests.PriceLists;
using TestOrg = Raytio.Server.Tests.Organizations.Org;

namespace Raytio.Server.Tests.Billing.Metering;

/// <summary>A catalogue organisation pricing checks through operations 91-95, and the meter configured to use it.</summary>
internal static class MeterSeed
{
    public const string Manufacturer = "raytio";

    /// <summary>A new organisation whose price lists hold the given NZD prices of checks.</summary>
    public static async Task<TestOrg> CatalogueAsync(this RaytioFactory app, params (string List, string Check, string Credits)[] prices)
    {
        var catalogue = await app.CreateOrgAsync("Raytio catalogue");
        foreach (var (list, check, credits) in prices)
        {
            await app.PriceAsync(catalogue, list, check, "NZD", credits, manufacturer: Manufacturer);
        }
        return catalogue;
    }

    /// <summary>Makes <paramref name="list"/> the price list of the organisation as a customer of the catalogue (operation 95).</summary>
    public static async Task CustomerListAsync(this RaytioFactory app, TestOrg catalogue, TestOrg customer, string list) =>
        Assert.Equal("1 out of 1 records inserted",
            await app.InsertAsync(PriceListSeed.CustomerPriceLists, catalogue, $$"""[{"customer_id":"{{customer.Id}}","price_list_id":"{{list}}"}]"""));

    /// <summary>Runs <paramref name="action"/> with a meter of its own scope pricing from <paramref name="catalogue"/> (none: metering off).</summary>
    public static async Task<T> WithMeterAsync<T>(this RaytioFactory app, TestOrg? catalogue, Func<CreditMeter, Task<T>> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var options = Options.Create(new MeteringOptions { CatalogueOrganizationId = catalogue?.Id });
        return await action(ActivatorUtilities.CreateInstance<CreditMeter>(scope.ServiceProvider, options));
    }

    public static Task<MeterCharge> ChargeAsync(this RaytioFactory app, TestOrg catalogue, TestOrg? organization, string check, string reference) =>
        app.WithMeterAsync(catalogue, meter => meter.ChargeAsync(organization?.Id, check, reference, CancellationToken.None));

    public static Task<decimal> CreditsAsync(this RaytioFactory app, TestOrg organization) =>
        app.WithMeterAsync(null, meter => meter.BalanceAsync(organization.Id, CancellationToken.None));

    public static Task<bool> RefundAsync(this RaytioFactory app, string chargeId) =>
        app.WithMeterAsync(null, meter => meter.RefundAsync(chargeId, CancellationToken.None));
}
