using System.Xml.Linq;

namespace Raytio.Server.Tests.Centrix;

/// <summary>Result contents the fake Centrix answers with (element names as the reference's shapes, which follow Centrix's).</summary>
internal static class CentrixAnswers
{
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    public static XElement E(string name, params object?[] content) => new(name, content);

    public static XElement Nil(string name) => new(name, new XAttribute(Xsi + "nil", "true"));

    public static XElement Response(string enquiry, bool success = true) =>
        E("ResponseDetails", E("EnquiryNumber", enquiry), E("EnquiryTimestamp", "2026-11-28T03:00:00Z"), E("IsSuccess", success ? "true" : "false"));

    public static object[] ConsumerReport() =>
    [
        Response("CX-881"),
        E("DataSets",
            E("ApplicationDecision", E("Decision", "Decline"), E("DecisionReasons", E("DecisionReason", E("Priority", "1"), E("Reason", "Default on file"))),
                E("RulesModificationNumber", "2"), E("RulesOwner", "Centrix"), E("RulesVersionNumber", "7")),
            E("ConsumerFile", E("AgeOfFile", "2009-05-01T00:00:00"), E("FileNumber", "F-77"),
                E("Personal", E("DateOfBirth", "1979-11-03"), E("FirstName", "MICHAEL"), E("Gender", "M"), Nil("MiddleName"), E("Surname", "TESTDEFAULT"))),
            E("Defaults", E("Default", E("AccountType", "TC"), E("AccountTypeDescription", "Telecommunications"), E("CreditProvider", "Phone Co"),
                E("CurrentDefaultBalance", "642.15"), E("DateOfDefault", "2024-02-01"), E("DefaultStatus", "O"), E("DefaultStatusDescription", "Outstanding"),
                E("OriginalDefaultAmount", "700"), E("Reference", "D-1"), E("StatusDate", "2024-03-01"))),
            E("Judgments", E("Judgment", E("Amount", "3200.50"), E("DateOfJudgement", "2023-06-01"), E("JudgementNumber", "CIV-2023-1"), E("JudgementType", "Civil"),
                E("MultipleDefendants", "N"), E("Plaintiffs", E("Plaintiff", E("Name", "ACME FINANCE")), E("Plaintiff", E("Name", "BETA LOANS"))),
                E("Status", "Unsatisfied"), E("StatusDate", "2023-06-01"))),
            E("PaymentHistory", E("PaymentProfile",
                E("PaymentProfileMonth", E("Month", "9"), E("MonthDescription", "September"), E("PaymentStatus", "0"), E("PaymentStatusDescription", "Paid"), E("Year", "2026")),
                E("PaymentProfileMonth", E("Month", "10"), E("MonthDescription", "October"), E("PaymentStatus", "2"), E("PaymentStatusDescription", "60 days"), E("Year", "2026")))),
            E("CompanyAffiliations")),
        E("ReportDisclaimer", "Centrix report disclaimer"),
        E("ServiceProducts", E("string", "CreditReport")),
        E("StatusMessages", E("StatusMessage", E("MessageCode", "INFO1"), E("MessageText", "Report complete"), E("MessageType", "Information"), Nil("SupportData"))),
    ];

    public static object[] CommercialReport() =>
    [
        E("RequestDate", "2026-11-28T03:00:00Z"), E("IsSuccess", "true"), E("ServiceVersion", "16"), E("WsdlVersion", "16.2"), E("ServiceEnvironment", "TEST"),
        E("StatusMessages"), E("EnquiryToken", "6f1c2d3e-0000-4000-8000-000000000001"), E("EnquiryNumber", "CM-42"),
        E("CreditDetails", E("GroupName", "KOWHAI GROUP"), E("IsCompany", "true"), E("CompanyNumber", "9100001"), E("CompanyStatusDescription", "Registered"),
            E("AverageDso", "31.5"), E("VendorCount", "4"), E("CombinedCreditLimit", "25000"), E("AverageDsoLast", "30"), E("AverageDsoPrior", "29")),
        E("CompanyDetails",
            E("Company", E("CompanyNumber", "9100001"), E("CompanyName", "KOWHAI TEST HOLDINGS LIMITED"), E("CompanyStatusCode", "50"), E("CompanyStatusCodeDescription", "Registered"),
                E("IncorporationDate", "2009-01-27T00:00:00"), E("BodyTypeDescription", "NZ Limited Company"), E("ConstitutionFiled", "true"), E("RemovalCommenced", "false"),
                E("TotalNumberOfShares", "1000"), E("NominalCapital", "1000"), E("FinanceStatementCount", "1"), E("ListedCompany", "false"), E("NZBN", "9429000000001")),
            E("CompanyStatus", E("StatusCode", "50")),
            E("CompanyDirectors", E("CompanyDirector", E("Surname", "NGATA"), E("FirstNames", "AROHA MERE"), E("DateAppointed", "2009-01-27T00:00:00"), E("CompanyAffiliations")))),
        E("CentrixDefaults"),
    ];

    public static object[] LicenceVerdict(string verified, string matched, string enquiry = "DL-5001") =>
    [
        Response(enquiry),
        E("DataSets", E("DriverLicenceVerification", E("IsDriverLicenceVerified", verified), E("IsDriverLicenceVerifiedAndMatched", matched))),
    ];
}
