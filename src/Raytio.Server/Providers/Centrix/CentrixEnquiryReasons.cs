namespace Raytio.Server.Providers.Centrix;

/// <summary>
/// The permitted purposes a credit report may be asked for (Credit Reporting Privacy Code 2020,
/// rule 11), as `EnquiryReason` codes. Centrix's own code list is given to subscribers only; these
/// are Raytio's codes (IDVF is the one public Centrix callers show), passed on as they are.
/// </summary>
public static class CentrixEnquiryReasons
{
    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["CAPP"] = "Credit application",
        ["CREV"] = "Review of existing credit",
        ["GUAR"] = "Guarantor assessment",
        ["DCOL"] = "Debt collection",
        ["TENA"] = "Tenancy assessment",
        ["EMPL"] = "Pre-employment check (with consent)",
        ["INSU"] = "Insurance assessment",
        ["IDVF"] = "Identity verification (AML/CFT)",
    };

    public static IReadOnlyDictionary<string, string> ApplicantTypes { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["P"] = "Principal applicant",
        ["J"] = "Joint applicant",
        ["G"] = "Guarantor",
    };
}
