using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Microsoft.Extensions.Options;
using Raytio.Server.Providers.Outside;

namespace Raytio.Server.Providers.Centrix.Live;

/// <summary>
/// One call of a Centrix SOAP 1.1 operation (WCF basicHttpBinding): a POST of the envelope to
/// BaseUrl + the service path with `Content-Type: text/xml; charset=utf-8`, a quoted `SOAPAction`
/// of `http://centrix.co.nz/I{Service}/{Operation}`, HTTP Basic credentials; the answer is the
/// `{Operation}Result` element of `{Operation}Response`. A POST is an enquiry recorded on the
/// subject's file, so the resilience pipeline never repeats it; only a 429 (refused before any
/// enquiry was made) is sent again, after the Retry-After it names (at most MaxRetryAfter, at most
/// MaxRetries times). Every other failure, a SOAP fault included, is a
/// <see cref="ProviderFailedException"/> in our words.
/// </summary>
public sealed class CentrixSoap(IHttpClientFactory clients, IOptions<CentrixOptions> options, TimeProvider time)
{
    public const string HttpClientName = "centrix";
    public const string Name = "Centrix credit bureau (live)";

    public static readonly XNamespace Envelope = "http://schemas.xmlsoap.org/soap/envelope/";
    public static readonly XNamespace Cen = "http://centrix.co.nz";

    /// <summary>Calls <paramref name="operation"/> of the service at <paramref name="servicePath"/> (contract <paramref name="contract"/>, e.g. IConsumers) with <paramref name="request"/> as its one parameter.</summary>
    public async Task<XElement> CallAsync(string servicePath, string contract, string operation, XElement request, CancellationToken cancellationToken)
    {
        var settings = options.Value.Live;
        var envelope = new XDocument(new XElement(Envelope + "Envelope",
            new XAttribute(XNamespace.Xmlns + "soapenv", Envelope.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "cen", Cen.NamespaceName),
            new XElement(Envelope + "Header"),
            new XElement(Envelope + "Body", new XElement(Cen + operation, request))));
        var text = envelope.Declaration + envelope.ToString(SaveOptions.DisableFormatting);
        var action = $"\"{Cen.NamespaceName}/{contract}/{operation}\"";
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.Username}:{settings.Password}"));
        var client = clients.CreateClient(HttpClientName);
        var address = new Uri(settings.BaseUrl!, servicePath);

        for (var attempt = 0; ; attempt++)
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, address)
            {
                Content = new StringContent(text, new MediaTypeHeaderValue("text/xml") { CharSet = "utf-8" }),
            };
            message.Headers.Add("SOAPAction", action);
            message.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
            using var response = await ProviderHttp.SendAsync(client, message, Name, cancellationToken);
            if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < settings.MaxRetries && Wait(response, settings) is { } wait)
            {
                await Task.Delay(wait, time, cancellationToken);
                continue;
            }
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return Result(response.StatusCode, body, operation);
        }
    }

    private TimeSpan? Wait(HttpResponseMessage response, CentrixLiveOptions settings)
    {
        var wait = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - time.GetUtcNow(),
            _ => settings.RetryDelay,
        };
        return wait <= settings.MaxRetryAfter ? (wait < TimeSpan.Zero ? TimeSpan.Zero : wait) : null;
    }

    private static XElement Result(HttpStatusCode status, string body, string operation)
    {
        if (status != HttpStatusCode.OK && status != HttpStatusCode.InternalServerError)
        {
            throw ProviderHttp.Unexpected(Name, status);
        }
        XElement? content;
        try
        {
            content = XDocument.Parse(body).Root is { } root && root.Name == Envelope + "Envelope"
                ? root.Element(Envelope + "Body")?.Elements().FirstOrDefault()
                : null;
        }
        catch (XmlException malformed)
        {
            throw Unreadable(malformed);
        }
        if (content?.Name == Envelope + "Fault")
        {
            // The fault's text is the vendor's: it is not passed on.
            throw new ProviderFailedException(Name, "answered with a SOAP fault");
        }
        if (status != HttpStatusCode.OK)
        {
            throw ProviderHttp.Unexpected(Name, status);
        }
        return content is not null && content.Name.LocalName == operation + "Response"
            && content.Elements().FirstOrDefault(e => e.Name.LocalName == operation + "Result") is { } result
            ? result
            : throw Unreadable();
    }

    public static ProviderFailedException Unreadable(Exception? inner = null) => new(Name, "answered with a body that is not Centrix's", inner);
}
