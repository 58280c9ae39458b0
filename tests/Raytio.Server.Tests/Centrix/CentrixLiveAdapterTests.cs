using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Raytio.Server.Providers.Centrix;
using Raytio.Server.Providers.Centrix.Live;
using Raytio.Server.Providers.DocumentRegisters;
using Raytio.Server.Providers.DriverLicence;
using Raytio.Server.Providers.Outside;
using static Raytio.Server.Tests.Centrix.CentrixAnswers;

namespace Raytio.Server.Tests.Centrix;

/// <summary>The Live Centrix adapter against a fake SOAP service on loopback: its envelopes and headers, the mapping to the reference's shapes, and its resilience.</summary>
public sealed class CentrixLiveAdapterTests : IAsyncLifetime
{
    private readonly FakeCentrix _centrix = new();
    private readonly List<ServiceProvider> _built = [];

    public Task InitializeAsync() => _centrix.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var built in _built)
        {
            await built.DisposeAsync();
        }
        await _centrix.DisposeAsync();
    }

    private static ConsumerReportRequest Consumer => new(
        new ConsumerData([new ConsumerAddress("8 Dillon Bell RD", "C", "Gisborne", "Whataupoko", "NZL")], new ConsumerPersonal(new DateOnly(1979, 11, 3), "MICHAEL", "M", null, "TESTDEFAULT", null)),
        null, new CreditRequestDetails(5000m, "P", "CAPP", "PL", "ref-1", true));

    private static DriverLicenceQuery Licence(string? middle = "Mere") => new("DI100001", "101", "Aroha", middle, "Ngata", new DateOnly(1988, 3, 14));

    [Fact]
    public async Task A_consumer_report_is_asked_with_the_envelope_headers_and_elements_of_GetCreditReportProducts()
    {
        _centrix.Result("GetCreditReportProducts", ConsumerReport());

        await Bureau().ConsumerReportAsync(Consumer, CancellationToken.None);

        var sent = Assert.Single(_centrix.Requests);
        Assert.Null(sent.Problem());
        Assert.Equal(("Consumers.svc", "text/xml; charset=utf-8", "\"http://centrix.co.nz/IConsumers/GetCreditReportProducts\""), (sent.Service, sent.ContentType, sent.SoapAction));
        Assert.Equal("CreditReportProductsRequest", sent.Request.Name.LocalName);
        Assert.Equal(("CreditReport", "CAPP", "ref-1", "5000", "P", "PL"), (sent.Value("ServiceProducts/ServiceProduct/ProductCode"), sent.Value("RequestDetails/EnquiryReason"),
            sent.Value("RequestDetails/SubscriberReference"), sent.Value("RequestDetails/AmountSought"), sent.Value("RequestDetails/ApplicantType"), sent.Value("RequestDetails/ProductType")));
        Assert.Equal(("TESTDEFAULT", "MICHAEL", "1979-11-03", "Male"), (sent.Value("ConsumerData/Personal/Surname"), sent.Value("ConsumerData/Personal/FirstName"),
            sent.Value("ConsumerData/Personal/DateOfBirth"), sent.Value("ConsumerData/Personal/Gender")));
        Assert.Null(sent.Value("ConsumerData/Personal/MiddleName"));
        Assert.Equal(("C", "8 Dillon Bell RD", "Whataupoko", "Gisborne", "NZL"), (sent.Value("ConsumerData/Addresses/Address/AddressType"), sent.Value("ConsumerData/Addresses/Address/AddressLine1"),
            sent.Value("ConsumerData/Addresses/Address/Suburb"), sent.Value("ConsumerData/Addresses/Address/City"), sent.Value("ConsumerData/Addresses/Address/Country")));
        Assert.Equal(("CreditReport", "1"), (sent.Value("Consents/Consent/Name"), sent.Value("Consents/Consent/ConsentGiven")));
    }

    [Fact]
    public async Task A_consumer_report_s_data_sets_map_to_the_reference_shape()
    {
        _centrix.Result("GetCreditReportProducts", ConsumerReport());

        var report = await Bureau().ConsumerReportAsync(Consumer, CancellationToken.None);

        Assert.Equal(("CX-881", true), (report.ResponseDetails.EnquiryNumber, report.ResponseDetails.IsSuccess));
        var sets = report.DataSets;
        Assert.Equal(("Decline", "Default on file"), (sets.ApplicationDecision!.Decision, Assert.Single(sets.ApplicationDecision.DecisionReasons).Reason));
        Assert.Equal((new DateOnly(2009, 5, 1), "TESTDEFAULT", null), (sets.ConsumerFile!.AgeOfFile, sets.ConsumerFile.Personal.Surname, sets.ConsumerFile.Personal.MiddleName));
        var unpaid = Assert.Single(sets.Defaults);
        Assert.Equal((642.15m, 700m, new DateOnly(2024, 2, 1)), (unpaid.CurrentDefaultBalance, unpaid.OriginalDefaultAmount, unpaid.DateOfDefault));
        Assert.Equal(["ACME FINANCE", "BETA LOANS"], Assert.Single(sets.Judgments).Plaintiffs.Select(p => p.Name));
        Assert.Equal([(2026, 9, "0"), (2026, 10, "2")], sets.PaymentHistory.PaymentProfile.Select(m => (m.Year, m.Month, m.PaymentStatus)));
        Assert.Empty(sets.CompanyAffiliations);
        Assert.Empty(sets.Insolvencies);
        Assert.Equal(["CreditReport"], report.ServiceProducts);
        Assert.Equal(("INFO1", null), (Assert.Single(report.StatusMessages).MessageCode, report.StatusMessages[0].SupportData));
        Assert.Equal(("Centrix report disclaimer", "Credit application"), (report.ReportDisclaimer, report.EnteredRequestDetails.EnquiryReasonDescription));
    }

    [Fact]
    public async Task A_commercial_report_is_asked_of_the_commercial_service_and_mapped_or_is_no_company()
    {
        _centrix.Result("GetCommercialCreditReport", CommercialReport()).Result("GetCommercialCreditReport", E("IsSuccess", "true"), E("EnquiryNumber", "CM-43"));
        var bureau = Bureau();

        var report = await bureau.CommercialReportAsync(new CommercialReportRequest(9_100_001, new CreditRequestDetails(null, null, "CAPP", null, null, true)), CancellationToken.None);
        var none = await bureau.CommercialReportAsync(new CommercialReportRequest(1, new CreditRequestDetails(null, null, "CAPP", null, null, true)), CancellationToken.None);

        var sent = _centrix.Requests.First();
        Assert.Null(sent.Problem());
        Assert.Equal(("Commercial.svc", "\"http://centrix.co.nz/ICommercial/GetCommercialCreditReport\"", "9100001"), (sent.Service, sent.SoapAction, sent.Value("CompanyNumber")));
        Assert.NotNull(report);
        Assert.Equal(("CM-42", "KOWHAI TEST HOLDINGS LIMITED", 1000L, 50), (report.EnquiryNumber, report.CompanyDetails.Company.CompanyName, report.CompanyDetails.Company.TotalNumberOfShares, report.CompanyDetails.CompanyStatus.StatusCode));
        Assert.Equal((31.5m, 4), (report.CreditDetails.AverageDso, report.CreditDetails.VendorCount));
        Assert.Equal("NGATA", Assert.Single(report.CompanyDetails.CompanyDirectors).Surname);
        Assert.Null(none);
    }

    [Fact]
    public async Task A_driver_licence_check_sends_the_licence_the_person_and_consent_with_reason_IDVF()
    {
        _centrix.Result("GetCreditReportProducts", LicenceVerdict("true", "true"));

        var verdict = await Register().CheckAsync(Licence(), CancellationToken.None);

        var sent = Assert.Single(_centrix.Requests);
        Assert.Null(sent.Problem());
        Assert.Equal(("DriverLicenceVerification", "IDVF", "DI100001", "101"), (sent.Value("ServiceProducts/ServiceProduct/ProductCode"), sent.Value("RequestDetails/EnquiryReason"),
            sent.Value("DriverLicence/DriverLicenceNumber"), sent.Value("DriverLicence/DriverLicenceVersion")));
        Assert.Equal(("Ngata", "Aroha", "Mere", "1988-03-14"), (sent.Value("ConsumerData/Personal/Surname"), sent.Value("ConsumerData/Personal/FirstName"),
            sent.Value("ConsumerData/Personal/MiddleName"), sent.Value("ConsumerData/Personal/DateOfBirth")));
        Assert.Equal(("DriverLicenceVerification", "1"), (sent.Value("Consents/Consent/Name"), sent.Value("Consents/Consent/ConsentGiven")));
        Assert.Equal(new DriverLicenceVerdict("DL-5001", RecordStatus.Current, true, true, true, true, true), verdict);
    }

    [Theory]
    [InlineData("true", "false", RecordStatus.Current, true, false)]
    [InlineData("false", "false", RecordStatus.NotFound, false, false)]
    [InlineData("1", "1", RecordStatus.Current, true, true)]
    public async Task Centrix_s_two_verdicts_become_the_licence_s_and_the_person_s(string verified, string matched, RecordStatus status, bool licence, bool person)
    {
        _centrix.Result("GetCreditReportProducts", LicenceVerdict(verified, matched));

        var verdict = await Register().CheckAsync(Licence(middle: null), CancellationToken.None);

        Assert.Equal(new DriverLicenceVerdict("DL-5001", status, licence, person, null, person, person), verdict);
    }

    [Fact]
    public async Task A_call_that_takes_too_long_fails_as_a_timeout_and_is_not_sent_twice()
    {
        _centrix.Hang(TimeSpan.FromSeconds(20));

        var failure = await Assert.ThrowsAsync<ProviderFailedException>(() => Register().CheckAsync(Licence(), CancellationToken.None));

        Assert.Equal(("Centrix credit bureau (live)", "did not answer in time"), (failure.Provider, failure.Reason));
        Assert.Single(_centrix.Requests);
    }

    [Fact]
    public async Task A_5xx_fails_naming_centrix_without_the_vendor_s_body_and_is_not_sent_twice()
    {
        _centrix.Answer(HttpStatusCode.ServiceUnavailable, "<html>VENDOR-INTERNAL-DETAIL</html>");

        var failure = await Assert.ThrowsAsync<ProviderFailedException>(() => Bureau().ConsumerReportAsync(Consumer, CancellationToken.None));

        Assert.Equal("answered 503", failure.Reason);
        Assert.DoesNotContain("VENDOR", failure.Message, StringComparison.Ordinal);
        Assert.Single(_centrix.Requests);
    }

    [Fact]
    public async Task A_soap_fault_fails_without_its_text()
    {
        _centrix.Answer(HttpStatusCode.InternalServerError, FakeCentrix.Fault("VENDOR-FAULT-TEXT"));

        var failure = await Assert.ThrowsAsync<ProviderFailedException>(() => Register().CheckAsync(Licence(), CancellationToken.None));

        Assert.Equal("answered with a SOAP fault", failure.Reason);
        Assert.DoesNotContain("VENDOR", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_429_is_sent_again_after_its_Retry_After_since_no_enquiry_was_made()
    {
        _centrix.Answer(HttpStatusCode.TooManyRequests, "slow down", retryAfter: TimeSpan.FromSeconds(1)).Result("GetCreditReportProducts", LicenceVerdict("true", "true"));
        var clock = Stopwatch.StartNew();

        var verdict = await Register().CheckAsync(Licence(), CancellationToken.None);

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(950), $"sent again after {clock.Elapsed}");
        Assert.Equal(RecordStatus.Current, verdict.Status);
        Assert.Equal(2, _centrix.Requests.Count);
    }

    [Fact]
    public async Task A_429_that_persists_or_asks_too_long_a_wait_fails_as_refused()
    {
        _centrix.Answer(HttpStatusCode.TooManyRequests, "slow down", retryAfter: TimeSpan.FromSeconds(0));

        var persisting = await Assert.ThrowsAsync<ProviderFailedException>(() => Register().CheckAsync(Licence(), CancellationToken.None));
        Assert.Equal(3, _centrix.Requests.Count); // the first try and two more
        _centrix.Answer(HttpStatusCode.TooManyRequests, "slow down", retryAfter: TimeSpan.FromMinutes(10));
        var tooLong = await Assert.ThrowsAsync<ProviderFailedException>(() => Register().CheckAsync(Licence(), CancellationToken.None));

        Assert.Equal("kept refusing calls as too many (429)", persisting.Reason);
        Assert.Equal("kept refusing calls as too many (429)", tooLong.Reason);
        Assert.Equal(4, _centrix.Requests.Count);
    }

    [Theory]
    [InlineData("<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><GetCreditReportProductsResponse")]
    [InlineData("{\"IsSuccess\":true}")]
    [InlineData("<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><OtherResponse xmlns=\"http://centrix.co.nz\"/></s:Body></s:Envelope>")]
    public async Task A_malformed_answer_fails_as_unreadable(string body)
    {
        _centrix.Answer(HttpStatusCode.OK, body);

        var failure = await Assert.ThrowsAsync<ProviderFailedException>(() => Register().CheckAsync(Licence(), CancellationToken.None));

        Assert.Equal("answered with a body that is not Centrix's", failure.Reason);
    }

    [Fact]
    public async Task Answers_missing_the_verdicts_or_with_data_of_the_wrong_type_fail_as_unreadable()
    {
        _centrix.Result("GetCreditReportProducts", Response("DL-1"), E("DataSets"))
            .Result("GetCreditReportProducts", Response("CX-1"), E("DataSets", E("Defaults", E("Default", E("CurrentDefaultBalance", "lots")))));

        var licence = await Assert.ThrowsAsync<ProviderFailedException>(() => Register().CheckAsync(Licence(), CancellationToken.None));
        var consumer = await Assert.ThrowsAsync<ProviderFailedException>(() => Bureau().ConsumerReportAsync(Consumer, CancellationToken.None));

        Assert.Equal("answered with a body that is not Centrix's", licence.Reason);
        Assert.Equal("answered with a body that is not Centrix's", consumer.Reason);
    }

    [Fact]
    public async Task An_enquiry_that_did_not_succeed_fails_without_passing_on_its_messages()
    {
        _centrix.Result("GetCreditReportProducts", Response("CX-2", success: false), E("StatusMessages", E("StatusMessage", E("MessageText", "VENDOR-MESSAGE"))));

        var failure = await Assert.ThrowsAsync<ProviderFailedException>(() => Bureau().ConsumerReportAsync(Consumer, CancellationToken.None));

        Assert.Equal("answered that the enquiry did not succeed", failure.Reason);
        Assert.DoesNotContain("VENDOR", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_credentials_are_refused_by_the_fake_and_fail_without_naming_them()
    {
        _centrix.Result("GetCreditReportProducts", LicenceVerdict("true", "true"));

        var failure = await Assert.ThrowsAsync<ProviderFailedException>(() => Register(live => live.UserKey = "wrong-key").CheckAsync(Licence(), CancellationToken.None));

        Assert.Equal("answered with a SOAP fault", failure.Reason);
        Assert.DoesNotContain("wrong-key", failure.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(FakeCentrix.Password, failure.ToString(), StringComparison.Ordinal);
    }

    private CentrixLiveBureau Bureau(Action<CentrixLiveOptions>? tune = null) => Build(tune).GetRequiredService<CentrixLiveBureau>();

    private CentrixDriverLicenceRegister Register(Action<CentrixLiveOptions>? tune = null) => Build(tune).GetRequiredService<CentrixDriverLicenceRegister>();

    private ServiceProvider Build(Action<CentrixLiveOptions>? tune)
    {
        var options = new CentrixOptions
        {
            Provider = CentrixProviderKind.Live,
            Live = new CentrixLiveOptions
            {
                BaseUrl = _centrix.BaseUrl,
                Username = FakeCentrix.Username,
                Password = FakeCentrix.Password,
                SubscriberId = FakeCentrix.SubscriberId,
                UserId = FakeCentrix.UserId,
                UserKey = FakeCentrix.UserKey,
                AttemptTimeout = TimeSpan.FromSeconds(2),
                TotalTimeout = TimeSpan.FromSeconds(10),
                RetryDelay = TimeSpan.FromMilliseconds(10),
                MaxRetries = 2,
            },
        };
        tune?.Invoke(options.Live);
        var services = new ServiceCollection().AddLogging().AddSingleton(Options.Create(options)).AddSingleton(TimeProvider.System);
        services.AddProviderHttpClient(CentrixSoap.HttpClientName, provider => provider.GetRequiredService<IOptions<CentrixOptions>>().Value.Live);
        services.AddSingleton<CentrixSoap>().AddSingleton<CentrixLiveBureau>().AddSingleton<CentrixDriverLicenceRegister>();
        var provider = services.BuildServiceProvider();
        _built.Add(provider);
        return provider;
    }
}
