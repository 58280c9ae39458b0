using System.Xml.Linq;
using Microsoft.Extensions.Options;

namespace Raytio.Server.Providers.Centrix.Live;

/// <summary>
/// Operations 99 and 100 on Centrix: a consumer report is GetCreditReportProducts of the
/// consumer service with the consumer report product; its `DataSets`, `ResponseDetails`,
/// `StatusMessages` and disclaimers fill the reference's report (the entered data and request are
/// ours, as the Sandbox gives them). A commercial report is the commercial service's operation
/// (CentrixLiveOptions; no public caller shows it) whose result is the reference's report; a
/// successful answer without `CompanyDetails` is "no such company". An answer with
/// `IsSuccess` false is a failure of the bureau (its messages are not passed on).
/// </summary>
public sealed class CentrixLiveBureau(CentrixSoap soap, IOptions<CentrixOptions> options) : ICentrixBureau
{
    public string Name => CentrixSoap.Name;

    public async Task<ConsumerCreditReport> ConsumerReportAsync(ConsumerReportRequest request, CancellationToken cancellationToken)
    {
        var settings = options.Value.Live;
        var personal = request.ConsumerData!.Personal!;
        var details = request.RequestDetails!;
        var enquiry = new XElement(CentrixSoap.Cen + "CreditReportProductsRequest",
            CentrixEnquiries.Credentials(settings),
            CentrixEnquiries.Product(settings.ConsumerProductCode),
            CentrixEnquiries.Details(details),
            new XElement(CentrixSoap.Cen + "ConsumerData",
                CentrixEnquiries.Personal(personal.Surname!, personal.FirstName!, personal.MiddleName, personal.DateOfBirth!.Value, personal.Gender),
                CentrixEnquiries.Addresses(request.ConsumerData.Addresses ?? [])),
            CentrixEnquiries.Consent(settings.ConsumerProductCode));
        var result = await soap.CallAsync(settings.ConsumerServicePath, "IConsumers", "GetCreditReportProducts", enquiry, cancellationToken);

        var response = CentrixXml.Child(result, "ResponseDetails") is { } responseDetails
            ? CentrixXml.Read<CreditResponseDetails>(responseDetails)
            : throw CentrixSoap.Unreadable();
        if (!response.IsSuccess)
        {
            throw new Outside.ProviderFailedException(Name, "answered that the enquiry did not succeed");
        }
        return new ConsumerCreditReport
        {
            CompaniesOfficeAcknowledgement = CentrixXml.Child(result, "CompaniesOfficeAcknowledgement")?.Value,
            DataSets = CentrixXml.Child(result, "DataSets") is { } sets ? CentrixXml.Read<ConsumerDataSets>(sets) : new ConsumerDataSets(),
            EnteredConsumerData = new(request.ConsumerData.Addresses ?? [], null, personal, []),
            EnteredRequestDetails = new(details.AmountSought, details.ApplicantType,
                details.ApplicantType is null ? null : CentrixEnquiryReasons.ApplicantTypes.GetValueOrDefault(details.ApplicantType),
                details.EnquiryReason!, CentrixEnquiryReasons.All[details.EnquiryReason!], details.SubscriberReference),
            InsolvencyTrusteeServiceAcknowledgement = CentrixXml.Child(result, "InsolvencyTrusteeServiceAcknowledgement")?.Value,
            NameOnlyDataReportDisclaimer = CentrixXml.Child(result, "NameOnlyDataReportDisclaimer")?.Value,
            ReportDisclaimer = CentrixXml.Child(result, "ReportDisclaimer")?.Value,
            ResponseDetails = response,
            ServiceProducts = CentrixXml.Child(result, "ServiceProducts") is { } products ? CentrixXml.Read<IReadOnlyList<string>>(products) : [],
            StatusMessages = CentrixXml.Child(result, "StatusMessages") is { } messages ? CentrixXml.Read<IReadOnlyList<StatusMessage>>(messages) : [],
        };
    }

    public async Task<CommercialCreditReport?> CommercialReportAsync(CommercialReportRequest request, CancellationToken cancellationToken)
    {
        var settings = options.Value.Live;
        var enquiry = new XElement(CentrixSoap.Cen + "CommercialCreditReportRequest",
            CentrixEnquiries.Credentials(settings),
            CentrixEnquiries.Details(request.RequestDetails!),
            new XElement(CentrixSoap.Cen + "CompanyNumber", request.CompanyNumber));
        var operation = settings.CommercialOperation;
        var result = await soap.CallAsync(settings.CommercialServicePath, "ICommercial", operation, enquiry, cancellationToken);
        if (CentrixXml.Child(result, "IsSuccess")?.Value.Trim() is not ("true" or "1"))
        {
            throw new Outside.ProviderFailedException(Name, "answered that the enquiry did not succeed");
        }
        return CentrixXml.Child(result, "CompanyDetails") is null ? null : CentrixXml.Read<CommercialCreditReport>(result);
    }
}
