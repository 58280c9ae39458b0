using System.Globalization;
using System.Xml.Linq;

namespace Raytio.Server.Providers.Centrix.Live;

/// <summary>
/// The parts of a Centrix enquiry (element names as public callers of GetCreditReportProducts
/// show them, all in the `http://centrix.co.nz` namespace): the request credentials, the service
/// product, the enquiry's details, the consumer and the consents.
/// </summary>
public static class CentrixEnquiries
{
    private static readonly XNamespace Cen = CentrixSoap.Cen;

    public static XElement Credentials(CentrixLiveOptions settings) => new(Cen + "Credentials",
        new XElement(Cen + "SubscriberID", settings.SubscriberId),
        new XElement(Cen + "UserID", settings.UserId),
        new XElement(Cen + "UserKey", settings.UserKey));

    public static XElement Product(string code) => new(Cen + "ServiceProducts", new XElement(Cen + "ServiceProduct", new XElement(Cen + "ProductCode", code)));

    public static XElement Details(CreditRequestDetails details) => new(Cen + "RequestDetails",
        Optional("EnquiryReason", details.EnquiryReason),
        Optional("SubscriberReference", details.SubscriberReference),
        Optional("AmountSought", details.AmountSought?.ToString(CultureInfo.InvariantCulture)),
        Optional("ApplicantType", details.ApplicantType),
        Optional("ProductType", details.ProductType));

    public static XElement Personal(string surname, string firstName, string? middleName, DateOnly dateOfBirth, string? gender) => new(Cen + "Personal",
        new XElement(Cen + "Surname", surname),
        new XElement(Cen + "FirstName", firstName),
        Optional("MiddleName", middleName),
        new XElement(Cen + "DateOfBirth", dateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        // Centrix spells genders out; X (unspecified) is left out.
        Optional("Gender", gender switch { "M" => "Male", "F" => "Female", _ => null }));

    public static XElement Addresses(IEnumerable<ConsumerAddress> addresses) => new(Cen + "Addresses",
        addresses.Select(a => new XElement(Cen + "Address",
            Optional("AddressType", a.AddressType), Optional("AddressLine1", a.AddressLine1), Optional("Suburb", a.Suburb),
            Optional("City", a.City), Optional("Country", a.Country))));

    /// <summary>The subject's consent to the product (ConsentGiven 1): operations 98-100 refuse a request without it before this is built.</summary>
    public static XElement Consent(string name) => new(Cen + "Consents", new XElement(Cen + "Consent", new XElement(Cen + "Name", name), new XElement(Cen + "ConsentGiven", "1")));

    private static XElement? Optional(string name, string? value) => string.IsNullOrWhiteSpace(value) ? null : new XElement(Cen + name, value);
}
