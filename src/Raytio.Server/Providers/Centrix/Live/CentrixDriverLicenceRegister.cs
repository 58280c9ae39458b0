using System.Xml.Linq;
using Microsoft.Extensions.Options;
using Raytio.Server.Providers.DocumentRegisters;
using Raytio.Server.Providers.DriverLicence;

namespace Raytio.Server.Providers.Centrix.Live;

/// <summary>
/// Operation 98 through Centrix, which resells the NZTA check: GetCreditReportProducts with the
/// DriverLicenceVerification product, enquiry reason IDVF (identity verification), the licence
/// (`DriverLicence/{DriverLicenceNumber, DriverLicenceVersion}`), the person and their consent.
/// Centrix answers two verdicts, `DataSets/DriverLicenceVerification/IsDriverLicenceVerified`
/// (number and version are a current licence) and `IsDriverLicenceVerifiedAndMatched` (and the
/// person's details are its holder's), so every personal field carries the second verdict;
/// `ResponseDetails/EnquiryNumber` is the reporting reference.
/// </summary>
public sealed class CentrixDriverLicenceRegister(CentrixSoap soap, IOptions<CentrixOptions> options) : IDriverLicenceRegister
{
    public const string EnquiryReason = "IDVF";

    public string Name => CentrixSoap.Name;

    public async Task<DriverLicenceVerdict> CheckAsync(DriverLicenceQuery query, CancellationToken cancellationToken)
    {
        var settings = options.Value.Live;
        var cen = CentrixSoap.Cen;
        var enquiry = new XElement(cen + "CreditReportProductsRequest",
            CentrixEnquiries.Credentials(settings),
            CentrixEnquiries.Product(settings.DriverLicenceProductCode),
            new XElement(cen + "RequestDetails", new XElement(cen + "EnquiryReason", EnquiryReason), new XElement(cen + "SubscriberReference", Guid.NewGuid().ToString("N"))),
            new XElement(cen + "DriverLicence",
                new XElement(cen + "DriverLicenceNumber", query.Number),
                new XElement(cen + "DriverLicenceVersion", query.Version)),
            new XElement(cen + "ConsumerData", CentrixEnquiries.Personal(query.LastName, query.FirstName, query.MiddleName, query.DateOfBirth, null)),
            CentrixEnquiries.Consent(settings.DriverLicenceProductCode));
        var result = await soap.CallAsync(settings.ConsumerServicePath, "IConsumers", "GetCreditReportProducts", enquiry, cancellationToken);

        var response = CentrixXml.Child(result, "ResponseDetails");
        if (CentrixXml.Child(response, "IsSuccess")?.Value.Trim() is not ("true" or "1"))
        {
            throw response is null ? CentrixSoap.Unreadable() : new Outside.ProviderFailedException(Name, "answered that the enquiry did not succeed");
        }
        var verification = CentrixXml.Child(CentrixXml.Child(result, "DataSets"), "DriverLicenceVerification");
        if (Flag(verification, "IsDriverLicenceVerified") is not { } verified || Flag(verification, "IsDriverLicenceVerifiedAndMatched") is not { } matched
            || CentrixXml.Child(response, "EnquiryNumber")?.Value.Trim() is not { Length: > 0 } reference)
        {
            throw CentrixSoap.Unreadable();
        }
        var person = verified && matched;
        return new DriverLicenceVerdict(reference, verified ? RecordStatus.Current : RecordStatus.NotFound, verified, person, query.MiddleName is null ? null : person, person, person);
    }

    private static bool? Flag(XElement? parent, string name) => CentrixXml.Child(parent, name)?.Value.Trim() switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => null,
    };
}
