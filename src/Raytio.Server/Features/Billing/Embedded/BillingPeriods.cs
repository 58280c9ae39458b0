namespace Raytio.Server.Features.Billing.Embedded;

/// <summary>
/// Billing time: Unix seconds, as Stripe answers. Period n of a subscription ends n intervals
/// after its billing cycle anchor, counted from the anchor each time so that the day of the
/// month is kept (31 January, 28 February, 31 March) rather than drifting after a short month.
/// </summary>
public static class BillingPeriods
{
    public static long Seconds(DateTimeOffset time) => time.ToUnixTimeSeconds();

    public static long Now(this TimeProvider time) => time.GetUtcNow().ToUnixTimeSeconds();

    public static long After(long anchor, string interval, int intervalCount, int periods)
    {
        var start = DateTimeOffset.FromUnixTimeSeconds(anchor);
        var steps = intervalCount * periods;
        var end = interval switch
        {
            "day" => start.AddDays(steps),
            "week" => start.AddDays(7 * steps),
            "month" => start.AddMonths(steps),
            "year" => start.AddYears(steps),
            _ => throw new InvalidOperationException($"Unknown billing interval '{interval}'."),
        };
        return end.ToUnixTimeSeconds();
    }

    public static long AddDays(long time, int days) => time + (days * 86_400L);
}
