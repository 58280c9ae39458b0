using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.PriceLists;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Organizations;
using static Raytio.Server.Tests.PriceLists.PriceListSeed;

namespace Raytio.Server.Tests.PriceLists;

/// <summary>Operations 91, 93 and 95: bulk inserts of products, prices and customer price lists.</summary>
public sealed class PriceListInsertTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task Reference_examples_insert_and_list_in_the_reference_shapes()
    {
        var org = await app.CreateOrgAsync();
        Assert.Equal("1 out of 1 records inserted", await app.InsertAsync(Products, org,
            """[{"type":"PR","id":"XPL-NAME","manufacturer_id":"mb","metadata":{"type":"animal","description":"cat"}}]"""));
        Assert.Equal("1 out of 1 records inserted", await app.InsertAsync(Prices, org,
            """[{"price_list_id":"RON_EUR","credit_unit":1.23,"currency":"EUR","id":"XPL-NAME","manufacturer_id":"mb"}]"""));
        Assert.Equal("1 out of 1 records inserted", await app.InsertAsync(CustomerPriceLists, org,
            """[{"customer_id":"54321","price_list_id":"RON_EUR"}]"""));

        var products = await (await app.GetAsync(Products, org.Admin.Bearer)).AssertOkAsync();
        Assert.Equal(
            $$"""[{"org_id":"{{org.Id}}","id":"XPL-NAME","manufacturer_id":"mb","metadata":{"type":"animal","description":"cat"},"type":"PR"}]""",
            products.GetRawText());
        var prices = await (await app.GetAsync(Prices, org.Admin.Bearer)).AssertOkAsync();
        Assert.Equal(
            $$"""[{"price_list_id":"RON_EUR","credit_unit":1.23,"currency":"EUR","qty":0,"org_id":"{{org.Id}}","id":"XPL-NAME","manufacturer_id":"mb","type":"PR"}]""",
            prices.GetRawText());
        var links = await (await app.GetAsync(CustomerPriceLists, org.Admin.Bearer)).AssertOkAsync();
        Assert.Equal($$"""[{"customer_id":"54321","price_list_id":"RON_EUR","org_id":"{{org.Id}}"}]""", links.GetRawText());
    }

    [Fact]
    public async Task A_product_without_type_or_metadata_is_a_PD_with_empty_metadata()
    {
        var org = await app.CreateOrgAsync();
        await app.InsertAsync(Products, org, """[{"id":"P1","manafacturer_id":"vw"}]""");
        var product = (await (await app.GetAsync(ForOrg(Products, org), org.Admin.Bearer)).AssertOkAsync())[0];
        Assert.Equal("PD", product.GetProperty("type").GetString());
        Assert.Equal("vw", product.GetProperty("manufacturer_id").GetString());
        Assert.Equal("{}", product.GetProperty("metadata").GetRawText());
    }

    [Fact]
    public async Task Credit_units_are_kept_exactly_as_written()
    {
        var org = await app.CreateOrgAsync();
        await app.InsertAsync(Products, org, """[{"id":"P","manufacturer_id":"m"}]""");
        var answer = await app.InsertAsync(Prices, org, """
            [{"price_list_id":"A","id":"P","manufacturer_id":"m","currency":"eur","credit_unit":0.100000},
             {"price_list_id":"B","id":"P","manufacturer_id":"m","currency":"EUR","credit_unit":999999999.999999},
             {"price_list_id":"C","id":"P","manufacturer_id":"m","currency":"EUR","credit_unit":1.1e2},
             {"price_list_id":"D","id":"P","manufacturer_id":"m","currency":"EUR","credit_unit":0.3333333}]
            """);
        Assert.Equal("3 out of 4 records inserted. Row 3 rejected (credit_unit): 'credit_unit' may have at most 6 decimal places", answer);
        var prices = await (await app.GetAsync(ForOrg(Prices, org), org.Admin.Bearer)).AssertOkAsync();
        Assert.Equal(["0.1", "999999999.999999", "110"], prices.EnumerateArray().Select(p => p.GetProperty("credit_unit").GetRawText()));
        Assert.All(prices.EnumerateArray(), p => Assert.Equal("EUR", p.GetProperty("currency").GetString()));
        var stored = await app.WithDbAsync(db => db.CataloguePrices.Where(p => p.OrganizationId == org.Id).Select(p => p.CreditUnit).ToListAsync());
        Assert.Contains(999999999.999999m, stored);
    }

    [Fact]
    public async Task Rejected_rows_are_named_with_their_reason_and_the_others_are_written_whole()
    {
        var org = await app.CreateOrgAsync();
        await app.InsertAsync(Products, org, """[{"id":"P","manufacturer_id":"m"}]""");
        var answer = await app.InsertAsync(Prices, org, """
            [{"price_list_id":"L","id":"P","manufacturer_id":"m","currency":"EUR","credit_unit":5},
             {"price_list_id":"L","id":"P","manufacturer_id":"m","currency":"EUR","credit_unit":"5"},
             {"price_list_id":"L","id":"NOPE","manufacturer_id":"m","currency":"EUR","credit_unit":5},
             {"price_list_id":"L","id":"P","manufacturer_id":"m","currency":"EUR","credit_unit":6},
             {"price_list_id":"L","id":"P","manufacturer_id":"m","currency":"EURO","credit_unit":5},
             {"price_list_id":"L","id":"P","currency":"EUR","credit_unit":5},
             {"price_list_id":"L","id":"P","manufacturer_id":"m","manafacturer_id":"x","currency":"EUR","credit_unit":5},
             {"price_list_id":"L","id":"P","manufacturer_id":"m","currency":"EUR","credit_unit":-1},
             {"price_list_id":"L","id":"P","manufacturer_id":"m","currency":"EUR","credit_unit":5,"qty":10},
             "not a row",
             {"id":"P","manufacturer_id":"m","currency":"EUR","credit_unit":5}]
            """);
        Assert.Equal(
            "2 out of 11 records inserted"
            + ". Row 1 rejected (credit_unit): 'credit_unit' must be a number"
            + ". Row 2 rejected (id): The organisation has no product 'NOPE' of manufacturer 'm' (add it with POST /billing/v1/products)"
            + ". Row 3 rejected (id): Row 0 has the same key"
            + ". Row 4 rejected (currency): 'currency' must be a three-letter ISO 4217 code"
            + ". Row 5 rejected (manufacturer_id): 'manufacturer_id' is required"
            + ". Row 6 rejected (manufacturer_id): 'manufacturer_id' and 'manafacturer_id' name different manufacturers"
            + ". Row 7 rejected (credit_unit): 'credit_unit' must be at least 0 and below 1000000000"
            + ". Row 9 rejected (row): Each row must be a JSON object"
            + ". Row 10 rejected (price_list_id): 'price_list_id' is required",
            answer);
        var prices = await (await app.GetAsync(ForOrg(Prices, org), org.Admin.Bearer)).AssertOkAsync();
        Assert.Equal(["0:5", "10:5"], prices.EnumerateArray().Select(p => $"{p.GetProperty("qty")}:{p.GetProperty("credit_unit")}"));
    }

    [Fact]
    public async Task A_row_with_a_stored_key_replaces_it()
    {
        var org = await app.CreateOrgAsync();
        await app.PriceAsync(org, "L", "P", "EUR", "5");
        await app.PriceAsync(org, "L", "P", "EUR", "7.5");
        var prices = await (await app.GetAsync(ForOrg(Prices, org), org.Admin.Bearer)).AssertOkAsync();
        Assert.Equal("7.5", Assert.Single(prices.EnumerateArray()).GetProperty("credit_unit").GetRawText());

        await app.PriceAsync(org, "M", "P", "EUR", "1");
        await app.InsertAsync(CustomerPriceLists, org, """[{"customer_id":"c1","price_list_id":"L"}]""");
        await app.InsertAsync(CustomerPriceLists, org, """[{"customer_id":"c1","price_list_id":"M"}]""");
        var links = await (await app.GetAsync(ForOrg(CustomerPriceLists, org), org.Admin.Bearer)).AssertOkAsync();
        Assert.Equal("M", Assert.Single(links.EnumerateArray()).GetProperty("price_list_id").GetString());
    }

    [Fact]
    public async Task A_customer_price_list_must_name_a_list_with_prices()
    {
        var org = await app.CreateOrgAsync();
        await app.PriceAsync(org, "std-01", "P", "NZD", "1");
        var answer = await app.InsertAsync(CustomerPriceLists, org, """
            [{"customer_id":"54321","price_list_id":"std-01"},{"customer_id":"9","price_list_id":"nope"},{"customer_id":"54321","price_list_id":"std-01"},{"price_list_id":"std-01"}]
            """);
        Assert.Equal(
            "1 out of 4 records inserted"
            + ". Row 1 rejected (price_list_id): The organisation has no prices in price list 'nope' (add them with POST /billing/v1/prices)"
            + ". Row 2 rejected (customer_id): Row 0 has the same key"
            + ". Row 3 rejected (customer_id): 'customer_id' is required",
            answer);
    }

    [Fact]
    public async Task Org_id_may_be_given_in_each_row_instead_of_the_query()
    {
        var admin = await Graph.GraphUser.CreateAsync(app);
        var first = await app.CreateOrgAsync(admin, "First");
        var second = await app.CreateOrgAsync(admin, "Second");
        var answer = await (await app.SendJsonTextAsync(HttpMethod.Post, Products, $$"""
            [{"org_id":"{{first.Id}}","id":"A","manufacturer_id":"m"},{"org_id":"{{second.Id}}","id":"B","manufacturer_id":"m"},
             {"id":"C","manufacturer_id":"m"},{"org_id":"nope","id":"D","manufacturer_id":"m"}]
            """, admin.Bearer)).AssertOkAsync();
        Assert.Equal(
            "2 out of 4 records inserted"
            + ". Row 2 rejected (org_id): 'org_id' is required, in the row or as a query parameter"
            + ". Row 3 rejected (org_id): 'org_id' must be a GUID",
            answer.GetString());
        var products = await (await app.GetAsync(Products, admin.Bearer)).AssertOkAsync();
        Assert.Equal(
            new[] { (first.Id, "A"), (second.Id, "B") }.OrderBy(p => p.Item1),
            products.EnumerateArray().Select(p => (p.GetProperty("org_id").GetGuid(), p.GetProperty("id").GetString()!)));
        var audited = await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.EventType == AuditEventTypes.PriceListProductsInsert && (e.SubjectId == first.Id || e.SubjectId == second.Id)));
        Assert.Equal(2, audited);
    }

    [Fact]
    public async Task Bodies_that_are_not_arrays_of_rows_and_bad_org_ids_are_400_naming_the_field()
    {
        var org = await app.CreateOrgAsync();
        foreach (var path in new[] { Prices, Products, CustomerPriceLists })
        {
            foreach (var body in new[] { "{}", "[]", "\"x\"" })
            {
                var error = await (await app.SendJsonTextAsync(HttpMethod.Post, ForOrg(path, org), body, org.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
                Assert.True(error.GetProperty("errors").TryGetProperty("body", out _));
            }
            var tooMany = "[" + string.Join(",", Enumerable.Repeat("{}", PriceListInserts.MaxRows + 1)) + "]";
            await (await app.SendJsonTextAsync(HttpMethod.Post, ForOrg(path, org), tooMany, org.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
            var badOrg = await (await app.SendJsonTextAsync(HttpMethod.Post, $"{path}?org_id=nope", "[{}]", org.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
            Assert.True(badOrg.GetProperty("errors").TryGetProperty("org_id", out _));
            var badFilter = await (await app.GetAsync($"{path}?org_id=nope", org.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
            Assert.True(badFilter.GetProperty("errors").TryGetProperty("org_id", out _));
        }
    }

    [Fact]
    public async Task Lists_hold_the_callers_organisations_rows_and_org_id_filters_them()
    {
        var admin = await Graph.GraphUser.CreateAsync(app);
        var first = await app.CreateOrgAsync(admin, "First");
        var second = await app.CreateOrgAsync(admin, "Second");
        var foreign = await app.CreateOrgAsync();
        await app.PriceAsync(first, "L", "A", "EUR", "1");
        await app.PriceAsync(second, "L", "B", "EUR", "2");
        await app.PriceAsync(foreign, "L", "C", "EUR", "3");

        var all = await (await app.GetAsync(Prices, admin.Bearer)).AssertOkAsync();
        Assert.Equal(new[] { first.Id, second.Id }.Order(), all.EnumerateArray().Select(p => p.GetProperty("org_id").GetGuid()));
        var filtered = await (await app.GetAsync(ForOrg(Prices, second), admin.Bearer)).AssertOkAsync();
        Assert.Equal("B", Assert.Single(filtered.EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Array, (await (await app.GetAsync(Products, (await Graph.GraphUser.CreateAsync(app)).Bearer)).AssertOkAsync()).ValueKind);
    }

    [Fact]
    public async Task Concurrent_inserts_of_the_same_new_key_all_succeed_and_leave_one_row()
    {
        var org = await app.CreateOrgAsync();
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            app.SendJsonTextAsync(HttpMethod.Post, ForOrg(Products, org), $$$"""[{"id":"RACE","manufacturer_id":"m","metadata":{"n":{{{i}}}}}]""", org.Admin.Bearer)));
        foreach (var answer in answers)
        {
            Assert.Equal("1 out of 1 records inserted", (await answer.AssertOkAsync()).GetString());
        }
        var products = await (await app.GetAsync(ForOrg(Products, org), org.Admin.Bearer)).AssertOkAsync();
        Assert.Equal("RACE", Assert.Single(products.EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_lists_answer_posted_back_replaces_the_same_rows()
    {
        var org = await app.CreateOrgAsync();
        await app.PriceAsync(org, "L", "P", "EUR", "1.5", qty: "2");
        await app.InsertAsync(Products, org, """[{"id":"Q","manufacturer_id":"m","type":"PR","metadata":{"b":1,"a":[2]}}]""");
        foreach (var path in new[] { Products, Prices })
        {
            var listed = (await (await app.GetAsync(ForOrg(path, org), org.Admin.Bearer)).AssertOkAsync()).GetRawText();
            var answer = await (await app.SendJsonTextAsync(HttpMethod.Post, path, listed, org.Admin.Bearer)).AssertOkAsync();
            var count = JsonDocument.Parse(listed).RootElement.GetArrayLength();
            Assert.Equal($"{count} out of {count} records inserted", answer.GetString());
            Assert.Equal(listed, (await (await app.GetAsync(ForOrg(path, org), org.Admin.Bearer)).AssertOkAsync()).GetRawText());
        }
    }

    [Fact]
    public async Task Product_fields_are_checked_one_by_one()
    {
        var org = await app.CreateOrgAsync();
        var answer = await app.InsertAsync(Products, org, $$"""
            [{"id":"{{new string('x', 101)}}","manufacturer_id":"m"},
             {"id":"A","manufacturer_id":"m","type":"{{new string('t', 17)}}"},
             {"id":"A","manufacturer_id":"m","metadata":[1]},
             {"id":"   ","manufacturer_id":"m"},
             {"id":7,"manufacturer_id":"m"},
             {"id":" A ","manufacturer_id":"m","metadata":null}]
            """);
        Assert.Equal(
            "1 out of 6 records inserted"
            + ". Row 0 rejected (id): 'id' must be at most 100 characters"
            + ". Row 1 rejected (type): 'type' must be at most 16 characters"
            + ". Row 2 rejected (metadata): 'metadata' must be an object"
            + ". Row 3 rejected (id): 'id' is required"
            + ". Row 4 rejected (id): 'id' must be a string",
            answer);
        var product = Assert.Single((await (await app.GetAsync(ForOrg(Products, org), org.Admin.Bearer)).AssertOkAsync()).EnumerateArray());
        Assert.Equal(("A", "{}"), (product.GetProperty("id").GetString(), product.GetProperty("metadata").GetRawText()));
    }
}
