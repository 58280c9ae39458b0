using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.PriceLists;

/// <summary>Operations 91-97: products, prices, customer price lists and quotes (docs/PRICE-LISTS.md).</summary>
internal static class PriceListEndpoints
{
    public const string OrgIdField = "org_id";

    public static void Map(IEndpointRouteBuilder app)
    {
        var billing = app.MapVersionedGroup("billing");

        MapRows(billing, "/prices", "prices", new PriceRows(), (reads, caller, orgId, ct) => reads.PricesAsync(caller, orgId, ct),
            "Add or replace prices {price_list_id, id, manufacturer_id, currency, credit_unit, qty?} of the org_id's products; administrators");
        MapRows(billing, "/products", "products", new ProductRows(), (reads, caller, orgId, ct) => reads.ProductsAsync(caller, orgId, ct),
            "Add or replace products {id, manufacturer_id, type?, metadata?} for org_id; administrators");
        MapRows(billing, "/customer_price_lists", "customer-price-lists", new CustomerPriceListRows(), (reads, caller, orgId, ct) => reads.CustomerPriceListsAsync(caller, orgId, ct),
            "Set the price list {customer_id, price_list_id} each customer of org_id is quoted from; administrators");

        billing.MapPost("/quotes/{n_id}", async Task<Ok<JsonArray>> (
                    [FromRoute(Name = PriceQuotes.RouteField)] string nId, [FromQuery(Name = PriceQuotes.CustomerField)] string? customerId,
                    JsonElement body, CurrentUser caller, PriceQuotes quotes, CancellationToken ct) =>
                TypedResults.Ok(await quotes.QuoteAsync(caller.Id, nId, customerId, body, ct)))
            .WithName("create-quote")
            .WithSummary("Price lines {price_list_id, id, qty, currency, manafacturer_id} from the catalogue of the organisation n_id (its org_id); members")
            .ProducesError(400, 404, 422);
    }

    private static void MapRows<TRow>(RouteGroupBuilder billing, string path, string name, IPriceListRowKind<TRow> kind,
        Func<PriceListReads, Guid, string?, CancellationToken, Task<JsonArray>> list, string insertSummary)
    {
        billing.MapPost(path, async Task<Ok<string>> (
                    [FromQuery(Name = OrgIdField)] string? orgId, JsonElement body, CurrentUser caller, PriceListInserts inserts, CancellationToken ct) =>
                TypedResults.Ok(await inserts.InsertAsync(caller.Id, orgId, body, kind, ct)))
            .WithName($"create-{name}")
            .WithSummary(insertSummary + "; answers \"N out of M records inserted\" and why each other row was rejected")
            .ProducesError(400, 403, 404, 409);

        billing.MapGet(path, async Task<Ok<JsonArray>> (
                    [FromQuery(Name = OrgIdField)] string? orgId, CurrentUser caller, PriceListReads reads, CancellationToken ct) =>
                TypedResults.Ok(await list(reads, caller.Id, orgId, ct)))
            .WithName($"list-{name}")
            .WithSummary("The rows of the caller's organisations, or of the one org_id names; members")
            .ProducesError(400, 404);
    }
}
