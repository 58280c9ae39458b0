using System.Text.Json.Nodes;

namespace Raytio.Server.Features.Billing;

/// <summary>
/// Billing objects in the reference's shapes, which follow Stripe's 2019 API: `plan` objects,
/// `billing: charge_automatically`, a subscription's `items` as an array holding one list (each
/// item's `plan` is the plan's nickname, as the reference's example shows) beside `plan`, the array
/// of the items' plans in the same order, and each invoice line's `plan` as a list. Fields the
/// engine has no value for are null, as in Stripe; livemode is false (test-mode semantics).
/// </summary>
public static class BillingShapes
{
    public static JsonObject List<T>(BillingPage<T> page, string url, Func<T, JsonNode> shape) =>
        List(page.Data.Select(shape), page.HasMore, url);

    private static JsonObject List(IEnumerable<JsonNode> data, bool hasMore, string url) => new()
    {
        ["object"] = "list",
        ["data"] = new JsonArray([.. data]),
        ["has_more"] = hasMore,
        ["url"] = url,
    };

    public static JsonObject Plan(BillingPlan plan) => new()
    {
        ["id"] = plan.Id,
        ["object"] = "plan",
        ["active"] = plan.Active,
        ["aggregate_usage"] = null,
        ["amount"] = plan.Amount,
        ["billing_scheme"] = "per_unit",
        ["created"] = plan.Created,
        ["currency"] = plan.Currency,
        ["interval"] = plan.Interval,
        ["interval_count"] = plan.IntervalCount,
        ["livemode"] = false,
        ["metadata"] = new JsonObject(),
        ["nickname"] = plan.Nickname,
        ["product"] = plan.Product,
        ["tiers"] = null,
        ["tiers_mode"] = null,
        ["transform_usage"] = null,
        ["trial_period_days"] = plan.TrialPeriodDays,
        ["usage_type"] = "licensed",
    };

    public static JsonObject TaxRate(BillingTaxRate rate) => new()
    {
        ["id"] = rate.Id,
        ["object"] = "tax_rate",
        ["active"] = rate.Active,
        ["created"] = rate.Created,
        ["description"] = rate.Description,
        ["display_name"] = rate.DisplayName,
        ["inclusive"] = rate.Inclusive,
        ["jurisdiction"] = rate.Jurisdiction,
        ["livemode"] = false,
        ["metadata"] = new JsonObject(),
        ["percentage"] = rate.Percentage,
    };

    public static JsonObject Subscription(BillingSubscription s) => new()
    {
        ["id"] = s.Id,
        ["object"] = "subscription",
        ["application_fee_percent"] = null,
        ["billing"] = "charge_automatically",
        ["billing_cycle_anchor"] = s.BillingCycleAnchor,
        ["billing_thresholds"] = null,
        ["cancel_at_period_end"] = s.CancelAtPeriodEnd,
        ["canceled_at"] = s.CanceledAt,
        ["created"] = s.Created,
        ["current_period_end"] = s.CurrentPeriodEnd,
        ["current_period_start"] = s.CurrentPeriodStart,
        ["customer"] = s.Customer,
        ["days_until_due"] = null,
        ["default_payment_method"] = null,
        ["default_source"] = null,
        ["default_tax_rates"] = new JsonArray([.. s.DefaultTaxRates.Select(TaxRate)]),
        ["discount"] = null,
        ["ended_at"] = s.EndedAt,
        ["items"] = new JsonArray(List(s.Items.Select(i => Item(s.Id, i)), false, $"v1/subscription_items?subscription={s.Id}")),
        ["latest_invoice"] = s.LatestInvoice,
        ["livemode"] = false,
        ["metadata"] = new JsonObject(),
        ["plan"] = new JsonArray([.. s.Items.Select(i => Plan(i.Plan))]),
        ["quantity"] = s.Items.Count == 1 ? s.Items[0].Quantity : null,
        ["start"] = s.Start,
        ["start_date"] = s.Created,
        ["status"] = s.Status,
        ["trial_end"] = s.TrialEnd,
        ["trial_start"] = s.TrialStart,
    };

    private static JsonObject Item(string subscriptionId, BillingSubscriptionItem item) => new()
    {
        ["id"] = item.Id,
        ["object"] = "subscription_item",
        ["billing_thresholds"] = null,
        ["created"] = item.Created,
        ["metadata"] = new JsonObject(),
        ["plan"] = item.Plan.Nickname,
        ["quantity"] = item.Quantity,
        ["subscription"] = subscriptionId,
        ["tax_rates"] = null,
    };

    public static JsonObject PaymentMethod(BillingPaymentMethod method) => new()
    {
        ["billing_details"] = new JsonObject
        {
            ["address"] = new JsonObject { ["city"] = null, ["country"] = null, ["line1"] = null, ["line2"] = null, ["postal_code"] = null, ["state"] = null },
            ["email"] = null,
            ["name"] = null,
            ["phone"] = null,
        },
        ["card"] = new JsonObject
        {
            ["brand"] = method.Card.Brand,
            ["checks"] = new JsonObject { ["address_line1_check"] = null, ["address_postal_code_check"] = null, ["cvc_check"] = null },
            ["country"] = method.Card.Country,
            ["exp_month"] = method.Card.ExpMonth,
            ["exp_year"] = method.Card.ExpYear,
            ["fingerprint"] = method.Card.Fingerprint,
            ["funding"] = method.Card.Funding,
            ["generated_from"] = null,
            ["last4"] = method.Card.Last4,
            ["three_d_secure_usage"] = new JsonObject { ["supported"] = true },
            ["wallet"] = null,
        },
        ["card_present"] = null,
        ["created"] = method.Created,
        ["customer"] = method.Customer,
        ["id"] = method.Id,
        ["livemode"] = false,
        ["metadata"] = new JsonObject(),
        ["object"] = "payment_method",
        ["type"] = "card",
    };

    public static JsonObject Invoice(BillingInvoice invoice) => new()
    {
        ["account_country"] = null,
        ["account_name"] = null,
        ["amount_due"] = invoice.AmountDue,
        ["amount_paid"] = invoice.AmountPaid,
        ["amount_remaining"] = invoice.AmountRemaining,
        ["application_fee_amount"] = null,
        ["attempt_count"] = invoice.AttemptCount,
        ["attempted"] = invoice.AttemptCount > 0 || invoice.Status == "paid",
        ["auto_advance"] = invoice.Status == "open",
        ["billing"] = "charge_automatically",
        ["billing_reason"] = invoice.BillingReason,
        ["charge"] = invoice.Charge,
        ["created"] = invoice.Created,
        ["currency"] = invoice.Currency,
        ["custom_fields"] = null,
        ["customer"] = invoice.Customer,
        ["customer_address"] = null,
        ["customer_email"] = null,
        ["customer_name"] = null,
        ["customer_phone"] = null,
        ["customer_shipping"] = null,
        ["customer_tax_exempt"] = "none",
        ["customer_tax_ids"] = new JsonArray(),
        ["default_payment_method"] = null,
        ["default_tax_rates"] = new JsonArray([.. TaxRates(invoice.TaxRate)]),
        ["description"] = null,
        ["discount"] = null,
        ["due_date"] = null,
        ["ending_balance"] = invoice.EndingBalance,
        ["footer"] = null,
        ["hosted_invoice_url"] = null,
        ["id"] = invoice.Id,
        ["invoice_pdf"] = null,
        ["lines"] = List(invoice.Lines.Select(Line), false, $"v1/invoices/{invoice.Id}/lines"),
        ["livemode"] = false,
        ["metadata"] = new JsonObject(),
        ["next_payment_attempt"] = invoice.NextPaymentAttempt,
        ["number"] = invoice.Number,
        ["object"] = "invoice",
        ["paid"] = invoice.Status == "paid",
        ["payment_intent"] = null,
        ["period_end"] = invoice.PeriodEnd,
        ["period_start"] = invoice.PeriodStart,
        ["post_payment_credit_notes_amount"] = 0,
        ["pre_payment_credit_notes_amount"] = 0,
        ["receipt_number"] = null,
        ["starting_balance"] = invoice.StartingBalance,
        ["statement_descriptor"] = null,
        ["status"] = invoice.Status,
        ["status_transitions"] = new JsonObject
        {
            ["finalized_at"] = invoice.Created,
            ["marked_uncollectible_at"] = null,
            ["paid_at"] = invoice.PaidAt,
            ["voided_at"] = invoice.VoidedAt,
        },
        ["subscription"] = invoice.Subscription,
        ["subscription_proration_date"] = null,
        ["subtotal"] = invoice.Subtotal,
        ["tax"] = invoice.Tax,
        ["tax_percent"] = invoice.TaxRate?.Percentage,
        ["threshold_reason"] = null,
        ["total"] = invoice.Total,
        ["total_tax_amounts"] = new JsonArray([.. TaxAmount(invoice.Tax, invoice.TaxRate)]),
        ["webhooks_delivered_at"] = null,
    };

    private static JsonObject Line(BillingInvoiceLine line) => new()
    {
        ["amount"] = line.Amount,
        ["currency"] = line.Currency,
        ["description"] = line.Description,
        ["discountable"] = true,
        ["id"] = line.Id,
        ["invoice_item"] = line.Type == "invoiceitem" ? line.Id : null,
        ["livemode"] = false,
        ["metadata"] = new JsonObject(),
        ["object"] = "line_item",
        ["period"] = new JsonObject { ["end"] = line.PeriodEnd, ["start"] = line.PeriodStart },
        ["plan"] = line.Plan is { } plan ? List([Plan(plan)], false, "v1/plans") : null,
        ["proration"] = line.Proration,
        ["quantity"] = line.Quantity,
        ["subscription"] = line.Subscription,
        ["subscription_item"] = line.SubscriptionItem,
        ["tax_amounts"] = new JsonArray([.. TaxAmount(line.TaxAmount, line.TaxRate)]),
        ["tax_rates"] = new JsonArray([.. TaxRates(line.TaxRate)]),
        ["type"] = line.Type,
    };

    private static IEnumerable<JsonNode> TaxRates(BillingTaxRate? rate) => rate is null ? [] : [TaxRate(rate)];

    private static IEnumerable<JsonNode> TaxAmount(long amount, BillingTaxRate? rate) =>
        rate is null ? [] : [new JsonObject { ["amount"] = amount, ["inclusive"] = rate.Inclusive, ["tax_rate"] = rate.Id }];
}
