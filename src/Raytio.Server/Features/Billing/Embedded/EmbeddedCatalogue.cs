namespace Raytio.Server.Features.Billing.Embedded;

/// <summary>
/// The seeded catalogue of the embedded engine: monthly platform plans (one with a trial, one
/// yearly, one in US dollars, one retired) and monthly credit bundles, in minor units, and New
/// Zealand GST for subscriptions in NZD. Ids are fixed so that installs share them.
/// </summary>
public static class EmbeddedCatalogue
{
    public const string PlatformProduct = "prod_RaytioPlatform";
    public const string CreditsProduct = "prod_RaytioCredits";

    public const string StarterMonthly = "plan_StarterMonthlyNZ";
    public const string BusinessMonthly = "plan_BusinessMonthlyNZ";
    public const string StarterTrial = "plan_StarterTrialNZ";
    public const string BusinessYearly = "plan_BusinessYearlyNZ";
    public const string StarterMonthlyUs = "plan_StarterMonthlyUS";
    public const string LegacyMonthly = "plan_LegacyMonthlyNZ";
    public const string Credits100 = "plan_CreditBundle100NZ";
    public const string Credits550 = "plan_CreditBundle550NZ";

    public const string GstNz = "txr_GstNewZealand15";

    /// <summary>2024-01-01T00:00:00Z, when the catalogue starts.</summary>
    private const long Epoch = 1_704_067_200;

    public static BillingProductRecord[] Products { get; } =
    [
        new() { Id = PlatformProduct, Name = "Raytio platform", Created = Epoch },
        new() { Id = CreditsProduct, Name = "Raytio verification credits", Created = Epoch },
    ];

    public static BillingPlanRecord[] Plans { get; } =
    [
        Plan(1, LegacyMonthly, PlatformProduct, "Legacy monthly NZ", 2_900, "nzd", "month", active: false),
        Plan(2, StarterMonthly, PlatformProduct, "Starter monthly NZ", 4_900, "nzd", "month"),
        Plan(3, BusinessMonthly, PlatformProduct, "Business monthly NZ", 19_900, "nzd", "month"),
        Plan(4, StarterTrial, PlatformProduct, "Starter monthly NZ, 14-day trial", 4_900, "nzd", "month", trialDays: 14),
        Plan(5, BusinessYearly, PlatformProduct, "Business yearly NZ", 199_000, "nzd", "year"),
        Plan(6, StarterMonthlyUs, PlatformProduct, "Starter monthly US", 2_900, "usd", "month"),
        Plan(7, Credits100, CreditsProduct, "Credit bundle 100 NZ", 10_000, "nzd", "month"),
        Plan(8, Credits550, CreditsProduct, "Credit bundle 550 NZ", 55_000, "nzd", "month"),
    ];

    public static BillingTaxRateRecord[] TaxRates { get; } =
    [
        new()
        {
            Id = GstNz, DisplayName = "GST", Description = "New Zealand goods and services tax", Jurisdiction = "NZ",
            Percentage = 15m, Active = true, DefaultForCurrency = "nzd", Created = Epoch,
        },
    ];

    private static BillingPlanRecord Plan(long key, string id, string product, string nickname, long amount, string currency, string interval, bool active = true, int? trialDays = null) => new()
    {
        Key = key,
        Id = id,
        ProductId = product,
        Nickname = nickname,
        Amount = amount,
        Currency = currency,
        Interval = interval,
        IntervalCount = 1,
        Active = active,
        TrialPeriodDays = trialDays,
        Created = Epoch + (key * 60),
    };
}
