using System.Text.Json;
using System.Text.Json.Nodes;
using Raytio.Server.Features.Billing.Embedded;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Billing;

/// <summary>
/// The body of operations 22 and 24: `items` (objects with `plan` and `quantity`; for a change also
/// `id` and `deleted`) and `cancel_at_period_end`. Each wrong value is a 400 naming its field.
/// </summary>
public sealed record SubscriptionRequest(JsonNode? Items = null, JsonNode? CancelAtPeriodEnd = null)
{
    private const int MaxIdLength = 64;

    public SubscriptionCreate ForCreate()
    {
        var items = CheckItems() ?? throw ApiException.Invalid("items", "'items' is required: the plans to subscribe to.");
        return new SubscriptionCreate(items, CheckCancel() ?? false);
    }

    public SubscriptionChange ForChange()
    {
        var change = new SubscriptionChange(CheckItems(), CheckCancel());
        return change is { Items: null, CancelAtPeriodEnd: null }
            ? throw ApiException.Invalid("items", "Nothing to change: give 'items' or 'cancel_at_period_end'.")
            : change;
    }

    private bool? CheckCancel() => CancelAtPeriodEnd switch
    {
        null => null,
        JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>(),
        _ => throw ApiException.Invalid("cancel_at_period_end", "'cancel_at_period_end' must be true or false."),
    };

    private List<SubscriptionItemRequest>? CheckItems()
    {
        if (Items is null)
        {
            return null;
        }
        if (Items is not JsonArray entries || entries.Count == 0)
        {
            throw ApiException.Invalid("items", "'items' must be a non-empty array of objects with 'plan' and 'quantity'.");
        }
        if (entries.Count > SubscriptionItemRules.MaxItems)
        {
            throw ApiException.Invalid("items", $"'items' may hold at most {SubscriptionItemRules.MaxItems} entries.");
        }
        return [.. entries.Select(CheckItem)];
    }

    private static SubscriptionItemRequest CheckItem(JsonNode? entry, int index)
    {
        var field = $"items[{index}]";
        if (entry is not JsonObject item)
        {
            throw ApiException.Invalid(field, $"'{field}' must be an object.");
        }
        foreach (var (key, _) in item)
        {
            if (key is not ("id" or "plan" or "quantity" or "deleted"))
            {
                throw ApiException.Invalid($"{field}.{key}", $"'{field}.{key}' is not a field of a subscription item (id, plan, quantity, deleted).");
            }
        }
        return new SubscriptionItemRequest(
            Text(item["id"], $"{field}.id"),
            Text(item["plan"], $"{field}.plan"),
            item["quantity"] switch
            {
                null => null,
                JsonValue value when value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var quantity) => quantity,
                _ => throw ApiException.Invalid($"{field}.quantity", $"'{field}.quantity' must be an integer."),
            },
            item["deleted"] switch
            {
                null => false,
                JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>(),
                _ => throw ApiException.Invalid($"{field}.deleted", $"'{field}.deleted' must be true or false."),
            });
    }

    private static string? Text(JsonNode? node, string field) => node switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is { Length: > 0 and <= MaxIdLength } text => text,
        _ => throw ApiException.Invalid(field, $"'{field}' must be an id of at most {MaxIdLength} characters."),
    };
}
