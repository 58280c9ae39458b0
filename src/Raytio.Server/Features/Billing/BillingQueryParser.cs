using System.Globalization;
using Raytio.Server.Features.Billing.Embedded;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Billing;

/// <summary>
/// Reads the list parameters of the reference from a query string, each bad value a 400 naming
/// it: limit (1..100, default 10), starting_after / ending_before (not both), times as an
/// integer or a range (`created[gte]=…`), booleans, and the enumerations. `expand` is accepted
/// and has no effect (answers hold ids, as unexpanded Stripe objects do).
/// </summary>
public sealed class BillingQueryParser(IQueryCollection query)
{
    private const int MaxIdLength = 5000;

    public PageRequest Page()
    {
        var limit = PageRequest.DefaultLimit;
        if (Text("limit") is { } text && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > PageRequest.MaxLimit))
        {
            throw ApiException.Invalid("limit", $"'limit' must be an integer from 1 to {PageRequest.MaxLimit}.");
        }
        var after = Id("starting_after");
        var before = Id("ending_before");
        if (after is not null && before is not null)
        {
            throw ApiException.Invalid("ending_before", "Give either 'starting_after' or 'ending_before', not both.");
        }
        return new PageRequest(limit, after, before);
    }

    public TimeRange Time(string name)
    {
        var exact = Integer(name, name);
        var range = new TimeRange(Integer(name, $"{name}[gt]"), Integer(name, $"{name}[gte]"), Integer(name, $"{name}[lt]"), Integer(name, $"{name}[lte]"));
        if (exact is { } value)
        {
            return range.IsAny ? TimeRange.Exactly(value) : throw ApiException.Invalid(name, $"Give '{name}' either as an integer or as a range, not both.");
        }
        return range;
    }

    public bool? Boolean(string name) => Text(name) switch
    {
        null => null,
        "true" => true,
        "false" => false,
        _ => throw ApiException.Invalid(name, $"'{name}' must be true or false."),
    };

    /// <summary>The value when it is one of <paramref name="allowed"/>; null when absent.</summary>
    public string? OneOf(string name, IReadOnlyCollection<string> allowed) => Text(name) switch
    {
        null => null,
        var value when allowed.Contains(value) => value,
        _ => throw ApiException.Invalid(name, $"'{name}' must be one of: {string.Join(", ", allowed)}."),
    };

    /// <summary>An object id (the value is compared, never parsed).</summary>
    public string? Id(string name) => Text(name) switch
    {
        { Length: > MaxIdLength } => throw ApiException.Invalid(name, $"'{name}' must be at most {MaxIdLength} characters."),
        var value => value,
    };

    private string? Text(string name)
    {
        var values = query[name];
        if (values.Count > 1)
        {
            throw ApiException.Invalid(name, $"Give '{name}' once.");
        }
        return values.Count == 1 && !string.IsNullOrEmpty(values[0]) ? values[0] : null;
    }

    private long? Integer(string field, string name) => Text(name) switch
    {
        null => null,
        var text when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) => value,
        _ => throw ApiException.Invalid(field, $"'{name}' must be an integer Unix timestamp."),
    };

    public static readonly IReadOnlyList<string> BillingModes = ["charge_automatically", "send_invoice"];

    public static readonly IReadOnlyList<string> SubscriptionStatuses = [.. EmbeddedSubscriptions.Statuses, "all"];

    public static readonly IReadOnlyList<string> PaymentMethodTypes = ["card", "card_present"];
}
