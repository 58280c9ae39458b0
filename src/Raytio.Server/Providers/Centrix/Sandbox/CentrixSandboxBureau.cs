using Raytio.Server.Providers.Nzbn;
using Raytio.Server.Providers.Nzbn.Sandbox;

namespace Raytio.Server.Providers.Centrix.Sandbox;

/// <summary>
/// The Sandbox bureau: consumer reports of <see cref="CentrixTestSubjects"/> (anyone else: no
/// match), commercial reports of the NZBN Sandbox's companies by company number
/// (<see cref="CommercialSandboxReports"/>), so a company looked up in operation 108 can be
/// reported on in operation 100. Every report says its data is synthetic.
/// </summary>
public sealed class CentrixSandboxBureau(NzbnSandboxDataset companies, TimeProvider time) : ICentrixBureau
{
    public const string Disclaimer = "Raytio Sandbox: synthetic test data about fictional people and companies, not a credit report.";

    public string Name => "Centrix credit bureau (sandbox)";

    public Task<ConsumerCreditReport> ConsumerReportAsync(ConsumerReportRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var personal = request.ConsumerData!.Personal!;
        var subject = CentrixTestSubjects.Find(personal);
        var details = request.RequestDetails!;
        return Task.FromResult(new ConsumerCreditReport
        {
            DataSets = subject?.DataSets(DateOnly.FromDateTime(now.UtcDateTime)) ?? new ConsumerDataSets(),
            EnteredConsumerData = new(request.ConsumerData.Addresses ?? [], null, personal, []),
            EnteredRequestDetails = new(details.AmountSought, details.ApplicantType,
                details.ApplicantType is null ? null : CentrixEnquiryReasons.ApplicantTypes.GetValueOrDefault(details.ApplicantType),
                details.EnquiryReason!, CentrixEnquiryReasons.All[details.EnquiryReason!], details.SubscriberReference),
            ReportDisclaimer = Disclaimer,
            ResponseDetails = new(EnquiryNumber(now), now, true),
            ServiceProducts = ["CreditReport"],
            StatusMessages = subject is null
                ? [new("NOMATCH", "No consumer file matches the details given.", "Information", null)]
                : [],
        });
    }

    public Task<CommercialCreditReport?> CommercialReportAsync(CommercialReportRequest request, CancellationToken cancellationToken)
    {
        var number = request.CompanyNumber!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var company = companies.Entities.FirstOrDefault(e => NzbnCodes.IsCompany(e.EntityTypeCode) && e.SourceRegisterUniqueIdentifier == number);
        var now = time.GetUtcNow();
        return Task.FromResult(company is null ? null : CommercialSandboxReports.Of(company, now, EnquiryNumber(now)));
    }

    private static string EnquiryNumber(DateTimeOffset now) => $"SBX{now:yyyyMMddHHmmssfff}";
}
