namespace Raytio.Server.Features.Billing.Metering;

/// <summary>
/// The names of the metered checks: each is a product id (manufacturer <see cref="MeteringOptions.ManufacturerId"/>)
/// of the catalogue organisation's price lists, and what the metered operations pass to
/// <see cref="CreditMeter.ChargeAsync"/>. docs/BILLING.md lists which operation uses which.
/// </summary>
public static class MeteredChecks
{
    /// <summary>Operation 108: an NZBN entity search.</summary>
    public const string NzbnSearch = "nzbn_search";

    /// <summary>Operation 109: an NZBN entity's full details.</summary>
    public const string NzbnEntity = "nzbn_entity";

    /// <summary>Operation 90: an NZBN entity's ownership.</summary>
    public const string NzbnOwnership = "nzbn_ownership";

    /// <summary>Operation 98: an NZTA driver licence check.</summary>
    public const string DriverLicence = "driver_licence";

    /// <summary>Operation 99: a Centrix consumer credit report.</summary>
    public const string CreditReportConsumer = "credit_report_consumer";

    /// <summary>Operation 100: a Centrix commercial credit report.</summary>
    public const string CreditReportCommercial = "credit_report_commercial";

    /// <summary>Operation 101: OCR of an image by a Clarity model.</summary>
    public const string DocumentOcr = "document_ocr";

    /// <summary>Operation 102: a document extracted and verified with providers.</summary>
    public const string DocumentExtract = "document_extract";

    /// <summary>Operation 106: extracted data verified and signed.</summary>
    public const string DocumentVerifySign = "document_verify_sign";

    /// <summary>Operation 112: two faces compared.</summary>
    public const string FaceCompare = "face_compare";

    /// <summary>Operation 110: a one-time code sent.</summary>
    public const string OtpSend = "otp_send";

    /// <summary>Operation 111: a one-time code checked.</summary>
    public const string OtpCheck = "otp_check";

    /// <summary>Operations 115-118: one accounting report of the organisation's connected Xero ledger.</summary>
    public const string XeroReport = "xero_report";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        NzbnSearch, NzbnEntity, NzbnOwnership, DriverLicence, CreditReportConsumer, CreditReportCommercial,
        DocumentOcr, DocumentExtract, DocumentVerifySign, FaceCompare, OtpSend, OtpCheck, XeroReport,
    };
}
