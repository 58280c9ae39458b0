using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Graph;
using Raytio.Server.Features.Organizations;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.PriceLists;

/// <summary>One line asked for in a quote.</summary>
public sealed record QuoteRequestLine(string? PriceListId, string ManufacturerId, string ProductId, string Currency, decimal Quantity);

/// <summary>
/// Operation 97: prices lines from the catalogue of the organisation `{n_id}` names, for any of
/// its members. A line's list is the customer's price list (query `customer_id`, operation 95)
/// when the customer has one, else the list the line names. Its price is that list's price of the
/// product in the line's currency with the highest `qty` not above the line's quantity;
/// line_price = unit price x quantity, exact, rounded half to even to the currency's minor unit.
/// The quote and its lines are kept (one SaveChanges) with the prices given.
/// </summary>
public sealed class PriceQuotes(RaytioDbContext db, OrganizationAccess access, AuditTrail audit, TimeProvider time)
{
    public const string RouteField = "n_id";
    public const string CustomerField = "customer_id";
    public const int MaxLines = 500;

    public async Task<JsonArray> QuoteAsync(Guid caller, string nId, string? customerId, JsonElement body, CancellationToken cancellationToken)
    {
        var organization = GraphIds.Parse(RouteField, nId);
        var customer = Customer(customerId);
        var lines = ReadLines(body);
        await access.ReadAsync(caller, organization.ToString(), cancellationToken);

        var customerList = customer is null ? null : await db.CustomerPriceLists
            .Where(l => l.OrganizationId == organization && l.CustomerId == customer)
            .Select(l => l.PriceListId)
            .FirstOrDefaultAsync(cancellationToken);
        var lists = ListsOf(lines, customerList);
        var prices = await PricesAsync(organization, lines, lists, cancellationToken);

        var quote = new PriceQuote { Id = Guid.NewGuid(), OrganizationId = organization, CustomerId = customer, CreatedBy = caller, CreatedAt = time.GetUtcNow().UtcDateTime };
        db.PriceQuotes.Add(quote);
        var answer = new JsonArray();
        for (var position = 0; position < lines.Count; position++)
        {
            var line = lines[position];
            var unitPrice = ExactDecimals.Normalize(prices[position]);
            var saved = new PriceQuoteLine
            {
                Id = Guid.NewGuid(),
                QuoteId = quote.Id,
                Position = position,
                PriceListId = lists[position],
                ManufacturerId = line.ManufacturerId,
                ProductId = line.ProductId,
                Currency = line.Currency,
                Quantity = line.Quantity,
                UnitPrice = unitPrice,
                LinePrice = ExactDecimals.Normalize(ExactDecimals.ToMinorUnit(unitPrice * line.Quantity, line.Currency)),
            };
            db.PriceQuoteLines.Add(saved);
            answer.Add(Answer(saved));
        }
        audit.Record(AuditEventTypes.PriceQuoteCreate, caller, organization, new JsonObject { ["quote_id"] = quote.Id, ["lines"] = lines.Count });
        await db.SaveChangesAsync(cancellationToken);
        return answer;
    }

    private static string? Customer(string? customerId)
    {
        var customer = string.IsNullOrWhiteSpace(customerId) ? null : customerId.Trim();
        return customer is null || customer.Length <= PriceListColumns.IdLength
            ? customer
            : throw ApiException.Invalid(CustomerField, $"'{CustomerField}' must be at most {PriceListColumns.IdLength} characters.");
    }

    private static List<QuoteRequestLine> ReadLines(JsonElement body)
    {
        var elements = PriceListBodies.Rows(body, MaxLines);
        var lines = new List<QuoteRequestLine>();
        var validation = new Validation();
        for (var index = 0; index < elements.Count; index++)
        {
            try
            {
                var row = PriceListRow.Of(elements[index]);
                lines.Add(new QuoteRequestLine(
                    row.Text("price_list_id", required: false),
                    row.ManufacturerId(),
                    row.Text("id", required: true)!,
                    row.Currency(),
                    row.Amount("qty", required: true, positive: true, ExactDecimals.QuantityLimit)!.Value));
            }
            catch (RowRejected reason)
            {
                validation.Add($"[{index}].{reason.Field}", reason.Reason);
            }
        }
        validation.ThrowIfAny();
        return lines;
    }

    /// <summary>Each line's price list: the customer's, else the line's own; 400 for a line with neither.</summary>
    private static List<string> ListsOf(List<QuoteRequestLine> lines, string? customerList)
    {
        var validation = new Validation();
        var lists = new List<string>();
        for (var index = 0; index < lines.Count; index++)
        {
            var list = customerList ?? lines[index].PriceListId;
            if (list is null)
            {
                validation.Add($"[{index}].price_list_id", "'price_list_id' is required when no customer price list applies.");
            }
            lists.Add(list ?? "");
        }
        validation.ThrowIfAny();
        return lists;
    }

    /// <summary>Each line's unit price; 422 naming every line that has none.</summary>
    private async Task<List<decimal>> PricesAsync(Guid organization, List<QuoteRequestLine> lines, List<string> lists, CancellationToken cancellationToken)
    {
        var productIds = lines.Select(l => l.ProductId).Distinct().ToList();
        var listIds = lists.Distinct().ToList();
        var candidates = await db.CataloguePrices.AsNoTracking()
            .Where(p => p.OrganizationId == organization && productIds.Contains(p.ProductId) && listIds.Contains(p.PriceListId))
            .ToListAsync(cancellationToken);
        // Quantity breaks are compared here, not in SQL: SQLite keeps decimals as text.
        var found = lines.Select((line, index) => candidates
                .Where(p => p.PriceListId == lists[index] && p.ManufacturerId == line.ManufacturerId && p.ProductId == line.ProductId
                    && p.Currency == line.Currency && p.MinQuantity <= line.Quantity)
                .MaxBy(p => p.MinQuantity))
            .ToList();
        var missing = Enumerable.Range(0, lines.Count)
            .Where(index => found[index] is null)
            .ToDictionary(index => $"[{index}].id", index => new[]
            {
                string.Create(CultureInfo.InvariantCulture,
                    $"Price list '{lists[index]}' has no {lines[index].Currency} price for product '{lines[index].ProductId}' of manufacturer '{lines[index].ManufacturerId}' at quantity {lines[index].Quantity}."),
            });
        return missing.Count == 0
            ? [.. found.Select(price => price!.CreditUnit)]
            : throw new ApiException(StatusCodes.Status422UnprocessableEntity, "price_not_found", string.Join(" ", missing.Values.SelectMany(m => m)), missing);
    }

    private static JsonObject Answer(PriceQuoteLine line) => new()
    {
        ["price_list_id"] = line.PriceListId,
        ["id"] = line.ProductId,
        ["qty"] = line.Quantity,
        ["currency"] = line.Currency,
        [PriceListRow.MisspelledManufacturerField] = line.ManufacturerId,
        ["unit_price"] = line.UnitPrice,
        ["line_price"] = line.LinePrice,
        ["quote_id"] = line.QuoteId,
        ["quote_line_id"] = line.Id,
    };
}
