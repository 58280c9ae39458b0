using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Centrix;

/// <summary>
/// Centrix's SOAP services on a loopback port (Kestrel), as public callers show them: POST to
/// /v16/Consumers.svc (and the commercial service), SOAP 1.1 envelope, `Content-Type: text/xml;
/// charset=utf-8`, `SOAPAction` naming the operation, HTTP Basic. A request that breaks any of
/// these is answered as WCF would (a SOAP fault, or 401 / 415), so an adapter that gets it wrong
/// fails its test; one that keeps to it gets the next scripted answer (the last one repeats).
/// Every request is kept, with whether it kept to the contract.
/// </summary>
public sealed class FakeCentrix : IAsyncDisposable
{
    public const string Username = "basic-user";
    public const string Password = "basic-secret-pw";
    public const string SubscriberId = "SUB1234";
    public const string UserId = "raytio";
    public const string UserKey = "user-key-secret";

    public static readonly XNamespace Soap = "http://schemas.xmlsoap.org/soap/envelope/";
    public static readonly XNamespace Cen = "http://centrix.co.nz";

    private readonly ConcurrentQueue<Func<CancellationToken, Task<IResult>>> _script = new();
    private Func<CancellationToken, Task<IResult>>? _last;
    private readonly WebApplication _server;

    public FakeCentrix()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        _server = builder.Build();
        _server.MapPost("/v16/{service}", HandleAsync);
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri BaseUrl { get; }

    public ConcurrentQueue<Received> Requests { get; } = new();

    public Task StartAsync() => _server.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    /// <summary>Answers 200 with this operation's result (the children given, in the data-contract namespace WCF uses).</summary>
    public FakeCentrix Result(string operation, params object[] content) => Answer(HttpStatusCode.OK, Envelope(operation, content));

    public FakeCentrix Answer(HttpStatusCode status, string body, TimeSpan? retryAfter = null) => Then(_ => Task.FromResult<IResult>(new Raw(status, body, retryAfter)));

    public FakeCentrix Hang(TimeSpan delay) => Then(async cancellationToken =>
    {
        await Task.Delay(delay, cancellationToken);
        return new Raw(HttpStatusCode.OK, "<late/>", null);
    });

    public static string Envelope(string operation, params object[] content)
    {
        XNamespace contract = "http://schemas.datacontract.org/2004/07/Centrix.Services";
        return new XElement(Soap + "Envelope",
            new XAttribute(XNamespace.Xmlns + "s", Soap.NamespaceName),
            new XElement(Soap + "Body",
                new XElement(Cen + $"{operation}Response",
                    new XElement(Cen + $"{operation}Result",
                        new XAttribute(XNamespace.Xmlns + "a", contract.NamespaceName),
                        new XAttribute(XNamespace.Xmlns + "i", "http://www.w3.org/2001/XMLSchema-instance"),
                        InNamespace(content, contract))))).ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>A SOAP fault as WCF sends it (500), its text the vendor's own.</summary>
    public static string Fault(string text) =>
        new XElement(Soap + "Envelope", new XElement(Soap + "Body", new XElement(Soap + "Fault",
            new XElement("faultcode", "s:Client"), new XElement("faultstring", text)))).ToString();

    private FakeCentrix Then(Func<CancellationToken, Task<IResult>> answer)
    {
        _script.Enqueue(answer);
        return this;
    }

    private async Task<IResult> HandleAsync(HttpRequest request, string service, CancellationToken cancellationToken)
    {
        var text = await new StreamReader(request.Body, Encoding.UTF8).ReadToEndAsync(cancellationToken);
        var received = new Received(service, request.Headers.ContentType.ToString(), request.Headers["SOAPAction"].ToString(), request.Headers.Authorization.ToString(), text);
        Requests.Enqueue(received);
        if (received.Authorization != "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Username}:{Password}")))
        {
            return Results.Unauthorized();
        }
        if (received.ContentType != "text/xml; charset=utf-8")
        {
            return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }
        if (received.Problem() is { } problem)
        {
            return new Raw(HttpStatusCode.InternalServerError, Fault(problem), null);
        }
        if (_script.TryDequeue(out var next))
        {
            _last = next;
        }
        return await (_last ?? throw new InvalidOperationException("The fake Centrix has no answer scripted."))(cancellationToken);
    }

    private static IEnumerable<object> InNamespace(IEnumerable<object> content, XNamespace contract) => content.Select(item => item switch
    {
        XElement element => (object)Moved(element, contract),
        _ => item,
    });

    private static XElement Moved(XElement element, XNamespace contract) =>
        new(contract + element.Name.LocalName, element.Attributes(), element.Nodes().Select(n => n is XElement child ? Moved(child, contract) : n));

    /// <summary>One request as the fake received it.</summary>
    public sealed record Received(string Service, string ContentType, string SoapAction, string Authorization, string Body)
    {
        /// <summary>The operation's request element (GetCreditReportProducts/CreditReportProductsRequest, ...).</summary>
        public XElement Request => XDocument.Parse(Body).Root!.Element(Soap + "Body")!.Elements().Single().Elements().Single();

        /// <summary>The value at a path of `cen:` elements under the request, e.g. "Credentials/UserKey".</summary>
        public string? Value(string path) => path.Split('/').Aggregate((XElement?)Request, (at, name) => at?.Element(Cen + name))?.Value;

        /// <summary>What breaks the contract (a WCF service would fault), or null.</summary>
        public string? Problem()
        {
            XElement operation;
            try
            {
                var root = XDocument.Parse(Body).Root;
                if (root?.Name != Soap + "Envelope" || root.Element(Soap + "Body")?.Elements().SingleOrDefault() is not { } first)
                {
                    return "not a SOAP 1.1 envelope with one body element";
                }
                operation = first;
            }
            catch (XmlException)
            {
                return "not XML";
            }
            var contract = Service == "Consumers.svc" ? "IConsumers" : "ICommercial";
            if (SoapAction != $"\"{Cen.NamespaceName}/{contract}/{operation.Name.LocalName}\"" || operation.Name.Namespace != Cen)
            {
                return "the SOAPAction does not name the body's operation";
            }
            if (Value("Credentials/SubscriberID") != SubscriberId || Value("Credentials/UserID") != UserId || Value("Credentials/UserKey") != UserKey)
            {
                return "invalid credentials";
            }
            return string.IsNullOrEmpty(Value("RequestDetails/EnquiryReason")) ? "no enquiry reason" : null;
        }
    }

    private sealed class Raw(HttpStatusCode status, string body, TimeSpan? retryAfter) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = (int)status;
            httpContext.Response.ContentType = "text/xml; charset=utf-8";
            if (retryAfter is { } wait)
            {
                httpContext.Response.Headers.RetryAfter = ((int)wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            await httpContext.Response.WriteAsync(body);
        }
    }
}
