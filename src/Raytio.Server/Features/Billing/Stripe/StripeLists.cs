using Stripe;

namespace Raytio.Server.Features.Billing.Stripe;

/// <summary>Our list parameters as Stripe's: the same cursors and limit, time ranges as `created[gte]=…`.</summary>
public static class StripeLists
{
    public static void Page(ListOptions options, PageRequest page)
    {
        options.Limit = page.Limit;
        options.StartingAfter = page.StartingAfter;
        options.EndingBefore = page.EndingBefore;
    }

    public static DateRangeOptions? Range(TimeRange range) => range.IsAny
        ? null
        : new DateRangeOptions
        {
            GreaterThan = Time(range.Gt),
            GreaterThanOrEqual = Time(range.Gte),
            LessThan = Time(range.Lt),
            LessThanOrEqual = Time(range.Lte),
        };

    private static DateTime? Time(long? unixSeconds) => unixSeconds is { } value ? StripeMapping.Time(value) : null;
}
