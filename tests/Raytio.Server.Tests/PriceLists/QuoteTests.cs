using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.PriceLists;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Organizations;
using static Raytio.Server.Tests.PriceLists.PriceListSeed;
using TestOrg = Raytio.Server.Tests.Organizations.Org;

namespace Raytio.Server.Tests.PriceLists;

/// <summary>Operation 97: quotes priced from an organisation's price lists, kept with their ids.</summary>
public sealed class QuoteTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    private async Task<JsonElement> QuoteAsync(TestOrg org, string linesJson, string? customerId = null) =>
        await (await app.SendJsonTextAsync(HttpMethod.Post, Quote(org, customerId), linesJson, org.Admin.Bearer)).AssertOkAsync();

    private static string Line(string product, string qty, string currency = "EUR", string? list = "RON_EUR") =>
        $$"""{{{(list is null ? "" : $"\"price_list_id\":\"{list}\",")}}"id":"{{product}}","qty":{{qty}},"currency":"{{currency}}","manafacturer_id":"mb"}""";

    [Fact]
    public async Task Reference_example_is_priced_exactly_and_kept_with_its_ids()
    {
        var org = await app.CreateOrgAsync();
        await app.PriceAsync(org, "RON_EUR", "A0000006000", "EUR", "99.09");

        var answer = await QuoteAsync(org, """[{"price_list_id":"RON_EUR","id":"A0000006000","qty":4,"currency":"EUR","manafacturer_id":"mb"}]""");

        var line = Assert.Single(answer.EnumerateArray());
        var quoteId = line.GetProperty("quote_id").GetGuid();
        var lineId = line.GetProperty("quote_line_id").GetGuid();
        Assert.Equal(
            $$"""{"price_list_id":"RON_EUR","id":"A0000006000","qty":4,"currency":"EUR","manafacturer_id":"mb","unit_price":99.09,"line_price":396.36,"quote_id":"{{quoteId}}","quote_line_id":"{{lineId}}"}""",
            line.GetRawText());
        var (quote, saved, audited) = await app.WithDbAsync(async db => (
            await db.PriceQuotes.SingleAsync(q => q.Id == quoteId),
            await db.PriceQuoteLines.SingleAsync(l => l.Id == lineId),
            await db.AuditEvents.CountAsync(e => e.EventType == AuditEventTypes.PriceQuoteCreate && e.SubjectId == org.Id)));
        Assert.Equal((org.Id, org.Admin.Id), (quote.OrganizationId, quote.CreatedBy));
        Assert.Equal((quoteId, 396.36m, 99.09m, 4m), (saved.QuoteId, saved.LinePrice, saved.UnitPrice, saved.Quantity));
        Assert.Equal(1, audited);
    }

    [Theory]
    [InlineData("EUR", "0.125", "1", "0.12")]
    [InlineData("EUR", "0.135", "1", "0.14")]
    [InlineData("EUR", "3.33", "2.5", "8.32")]
    [InlineData("EUR", "0.000001", "999999", "1")]
    [InlineData("JPY", "10.5", "1", "10")]
    [InlineData("JPY", "11.5", "1", "12")]
    [InlineData("KWD", "1.0005", "1", "1")]
    [InlineData("KWD", "1.0015", "1", "1.002")]
    [InlineData("EUR", "999999999.999999", "999999.999999", "999999999998999")]
    public async Task Line_prices_round_half_to_even_to_the_currencys_minor_unit(string currency, string unit, string qty, string expected)
    {
        var org = await app.CreateOrgAsync();
        await app.PriceAsync(org, "RON_EUR", "P", currency, unit);
        var line = (await QuoteAsync(org, $"[{Line("P", qty, currency)}]"))[0];
        Assert.Equal(unit, line.GetProperty("unit_price").GetRawText());
        Assert.Equal(expected, line.GetProperty("line_price").GetRawText());
    }

    [Fact]
    public async Task The_customers_price_list_wins_over_the_lines_own()
    {
        var org = await app.CreateOrgAsync();
        await app.PriceAsync(org, "RON_EUR", "P", "EUR", "10");
        await app.PriceAsync(org, "VIP", "P", "EUR", "8");
        await app.InsertAsync(CustomerPriceLists, org, """[{"customer_id":"54321","price_list_id":"VIP"}]""");

        var forCustomer = (await QuoteAsync(org, $"[{Line("P", "2")},{Line("P", "1", list: null)}]", "54321")).EnumerateArray().ToList();
        Assert.All(forCustomer, l => Assert.Equal("VIP", l.GetProperty("price_list_id").GetString()));
        Assert.Equal(["16", "8"], forCustomer.Select(l => l.GetProperty("line_price").GetRawText()));
        Assert.Equal(forCustomer[0].GetProperty("quote_id").GetGuid(), forCustomer[1].GetProperty("quote_id").GetGuid());
        Assert.NotEqual(forCustomer[0].GetProperty("quote_line_id").GetGuid(), forCustomer[1].GetProperty("quote_line_id").GetGuid());

        var unknownCustomer = (await QuoteAsync(org, $"[{Line("P", "2")}]", "other"))[0];
        Assert.Equal(("RON_EUR", "20"), (unknownCustomer.GetProperty("price_list_id").GetString(), unknownCustomer.GetProperty("line_price").GetRawText()));
        var customerId = await app.WithDbAsync(db => db.PriceQuotes.Where(q => q.Id == unknownCustomer.GetProperty("quote_id").GetGuid()).Select(q => q.CustomerId).SingleAsync());
        Assert.Equal("other", customerId);
    }

    [Fact]
    public async Task The_highest_quantity_break_reached_sets_the_unit_price()
    {
        var org = await app.CreateOrgAsync();
        await app.PriceAsync(org, "RON_EUR", "P", "EUR", "10");
        await app.PriceAsync(org, "RON_EUR", "P", "EUR", "8", qty: "10");
        await app.PriceAsync(org, "RON_EUR", "Q", "EUR", "5", qty: "3");

        var lines = await QuoteAsync(org, $"[{Line("P", "9.5")},{Line("P", "10")},{Line("P", "100")}]");
        Assert.Equal(["10", "8", "8"], lines.EnumerateArray().Select(l => l.GetProperty("unit_price").GetRawText()));
        var below = await (await app.SendJsonTextAsync(HttpMethod.Post, Quote(org), $"[{Line("P", "1")},{Line("Q", "2")}]", org.Admin.Bearer))
            .AssertErrorAsync(HttpStatusCode.UnprocessableEntity, "price_not_found");
        Assert.Equal(["[1].id"], below.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task Lines_without_a_price_are_422_naming_each_and_nothing_is_kept()
    {
        var org = await app.CreateOrgAsync();
        await app.PriceAsync(org, "RON_EUR", "P", "EUR", "10");
        var error = await (await app.SendJsonTextAsync(HttpMethod.Post, Quote(org),
                $"[{Line("P", "1")},{Line("P", "1", "USD")},{Line("NOPE", "1")},{Line("P", "1", list: "OTHER")}]", org.Admin.Bearer))
            .AssertErrorAsync(HttpStatusCode.UnprocessableEntity, "price_not_found");
        Assert.Equal(["[1].id", "[2].id", "[3].id"], error.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(0, await app.WithDbAsync(db => db.PriceQuotes.CountAsync(q => q.OrganizationId == org.Id)));
    }

    [Fact]
    public async Task Bad_lines_are_400_naming_each_field()
    {
        var org = await app.CreateOrgAsync();
        var error = await (await app.SendJsonTextAsync(HttpMethod.Post, Quote(org), """
            [{"price_list_id":"L","id":"P","qty":0,"currency":"EUR","manafacturer_id":"mb"},
             {"price_list_id":"L","id":"P","qty":1,"currency":"EUR"},
             {"price_list_id":"L","qty":1,"currency":"EUR","manufacturer_id":"mb"},
             {"price_list_id":"L","id":"P","qty":1.0000001,"currency":"EUR","manufacturer_id":"mb"},
             {"price_list_id":"L","id":"P","qty":1,"currency":"E","manufacturer_id":"mb"},
             7]
            """, org.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["[0].qty", "[1].manufacturer_id", "[2].id", "[3].qty", "[4].currency", "[5].row"], error.GetProperty("errors").EnumerateObject().Select(e => e.Name));

        var noList = await (await app.SendJsonTextAsync(HttpMethod.Post, Quote(org), $"[{Line("P", "1", list: null)}]", org.Admin.Bearer))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(noList.GetProperty("errors").TryGetProperty("[0].price_list_id", out _));
        await (await app.SendJsonTextAsync(HttpMethod.Post, Quote(org), "{}", org.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        var tooMany = "[" + string.Join(",", Enumerable.Repeat(Line("P", "1"), PriceQuotes.MaxLines + 1)) + "]";
        await (await app.SendJsonTextAsync(HttpMethod.Post, Quote(org), tooMany, org.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        var badId = await (await app.SendJsonTextAsync(HttpMethod.Post, "/billing/v1/quotes/nope", $"[{Line("P", "1")}]", org.Admin.Bearer))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(badId.GetProperty("errors").TryGetProperty("n_id", out _));
        var longCustomer = await (await app.SendJsonTextAsync(HttpMethod.Post, Quote(org, new string('c', 101)), $"[{Line("P", "1")}]", org.Admin.Bearer))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(longCustomer.GetProperty("errors").TryGetProperty("customer_id", out _));
    }

    [Fact]
    public async Task Either_spelling_of_the_manufacturer_is_accepted_and_the_answer_keeps_the_references()
    {
        var org = await app.CreateOrgAsync();
        await app.PriceAsync(org, "RON_EUR", "P", "EUR", "2");
        var line = (await QuoteAsync(org, """[{"price_list_id":"RON_EUR","id":"P","qty":1,"currency":"eur","manufacturer_id":"mb"}]"""))[0];
        Assert.Equal("mb", line.GetProperty("manafacturer_id").GetString());
        Assert.False(line.TryGetProperty("manufacturer_id", out _));
        Assert.Equal("EUR", line.GetProperty("currency").GetString());
    }
}
