namespace Raytio.Server.Features.Billing.Embedded;

/// <summary>
/// Stripe's documented test payment methods (docs.stripe.com/testing), which the embedded engine
/// accepts in place of a card: what each one shows and how it behaves. As in Stripe, a card that
/// declines on attach (`pm_card_chargeDeclined...`) cannot be attached; `pm_card_chargeCustomerFail`
/// attaches and then declines every charge, so invoices fail and subscriptions go past_due.
/// </summary>
public sealed record TestCard(string Token, string Brand, string Last4, string Funding, string Country, string? AttachDecline, string? ChargeDecline)
{
    /// <summary>Test cards expire this many years after they are attached (any future date works in Stripe's test mode).</summary>
    public const int YearsValid = 3;

    private static readonly TestCard[] Cards =
    [
        new("pm_card_visa", "visa", "4242", "credit", "US", null, null),
        new("pm_card_visa_debit", "visa", "5556", "debit", "US", null, null),
        new("pm_card_mastercard", "mastercard", "4444", "credit", "US", null, null),
        new("pm_card_mastercard_debit", "mastercard", "8210", "debit", "US", null, null),
        new("pm_card_mastercard_prepaid", "mastercard", "5100", "prepaid", "US", null, null),
        new("pm_card_amex", "amex", "8431", "credit", "US", null, null),
        new("pm_card_discover", "discover", "1117", "credit", "US", null, null),
        new("pm_card_diners", "diners", "0004", "credit", "US", null, null),
        new("pm_card_jcb", "jcb", "0505", "credit", "JP", null, null),
        new("pm_card_unionpay", "unionpay", "0005", "credit", "CN", null, null),
        new("pm_card_nz", "visa", "0008", "credit", "NZ", null, null),
        new("pm_card_au", "visa", "0000", "credit", "AU", null, null),
        new("pm_card_chargeCustomerFail", "visa", "0341", "credit", "US", null, "generic_decline"),
        new("pm_card_chargeDeclined", "visa", "0002", "credit", "US", "generic_decline", "generic_decline"),
        new("pm_card_chargeDeclinedInsufficientFunds", "visa", "9995", "credit", "US", "insufficient_funds", "insufficient_funds"),
        new("pm_card_chargeDeclinedLostCard", "visa", "9987", "credit", "US", "lost_card", "lost_card"),
        new("pm_card_chargeDeclinedStolenCard", "visa", "9979", "credit", "US", "stolen_card", "stolen_card"),
        new("pm_card_chargeDeclinedExpiredCard", "visa", "0069", "credit", "US", "expired_card", "expired_card"),
        new("pm_card_chargeDeclinedIncorrectCvc", "visa", "0127", "credit", "US", "incorrect_cvc", "incorrect_cvc"),
        new("pm_card_chargeDeclinedProcessingError", "visa", "0119", "credit", "US", "processing_error", "processing_error"),
    ];

    private static readonly Dictionary<string, TestCard> ByToken = Cards.ToDictionary(c => c.Token, StringComparer.Ordinal);

    public static IReadOnlyCollection<string> Tokens => ByToken.Keys;

    public static TestCard? Find(string token) => ByToken.GetValueOrDefault(token);

    /// <summary>Stripe's fingerprint is the same for every use of one card number: here one per test card.</summary>
    public string Fingerprint => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Token)))[..16];
}
