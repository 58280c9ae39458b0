using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Raytio.Server.Features.Audit;
using Raytio.Server.Providers.Twilio;
using Raytio.Server.Providers.Twilio.Live;
using Raytio.Server.Providers.Twilio.Storage;
using Raytio.Server.Tests.Billing;
using Raytio.Server.Tests.Billing.Metering;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.OutsideChecks;

namespace Raytio.Server.Tests.TwilioVerify;

/// <summary>
/// The server with Raytio:Twilio:Engine = Live against an in-process fake of Twilio Verify: the
/// requests it sends, how Twilio's answers and errors map onto ours, who may check, and its
/// resilience (timeouts, 5xx, 429 with Retry-After, malformed answers).
/// </summary>
public sealed class TwilioLiveEngineTests(TwilioLiveEngineTests.LiveTwilioFactory app) : IClassFixture<TwilioLiveEngineTests.LiveTwilioFactory>
{
    private const string Sid = "VE0123456789abcdef0123456789abcdef";

    [Fact]
    public async Task A_send_posts_the_form_with_basic_auth_and_answers_twilio_s_verification_in_our_shape()
    {
        var user = await GraphUser.CreateAsync(app);
        var phone = OtpSeed.NewPhone();
        var vendor = app.Script(v => v.Answer(HttpStatusCode.Created, TwilioBodies.Verification(Sid, phone, "call", "pending")));

        var sent = await app.SentAsync(user.Bearer, phone, "voice");

        var (request, body) = Assert.Single(vendor.Received);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal($"https://verify.twilio.test/v2/Services/{LiveTwilioFactory.ServiceSid}/Verifications", request.RequestUri!.ToString());
        Assert.Equal("Basic", request.Headers.Authorization!.Scheme);
        Assert.Equal($"{LiveTwilioFactory.AccountSid}:{LiveTwilioFactory.AuthToken}", Encoding.UTF8.GetString(Convert.FromBase64String(request.Headers.Authorization.Parameter!)));
        Assert.Equal("application/x-www-form-urlencoded", request.Content!.Headers.ContentType!.MediaType);
        Assert.Equal($"To={Uri.EscapeDataString(phone)}&Channel=call", body);
        Assert.Equal((Sid, "voice", "pending", phone, LiveTwilioFactory.ServiceSid), (sent.Str("sid"), sent.Str("channel"), sent.Str("status"), sent.Str("to"), sent.Str("service_sid")));
        Assert.Equal("voice", Assert.Single(sent.GetProperty("send_code_attempts").EnumerateArray()).Str("channel"));
        var stored = await app.VerificationAsync(Sid);
        Assert.Equal((user.Id, (Guid?)null, (string?)null), (stored.StartedBy, stored.OrganizationId, stored.CodeHash));
    }

    [Fact]
    public async Task A_check_posts_the_verification_sid_and_code_and_an_approval_finishes_the_verification_here_too()
    {
        var user = await GraphUser.CreateAsync(app);
        var email = RaytioFactory.NewEmail();
        var sid = NewSid();
        var vendor = app.Script(v => v
            .Answer(HttpStatusCode.Created, TwilioBodies.Verification(sid, email, "email", "pending"))
            .Answer(HttpStatusCode.OK, TwilioBodies.Check(sid, email, "email", "pending"))
            .Answer(HttpStatusCode.OK, TwilioBodies.Check(sid, email, "email", "approved")));
        await app.SentAsync(user.Bearer, email, "email");

        var wrong = await (await app.CheckCodeAsync(user.Bearer, email, "111111")).AssertOkAsync();
        var right = await (await app.CheckCodeAsync(user.Bearer, email, "123456")).AssertOkAsync();

        Assert.Equal(("pending", false), (wrong.Str("status"), wrong.GetProperty("valid").GetBoolean()));
        Assert.Equal(("approved", true, sid, "email"), (right.Str("status"), right.GetProperty("valid").GetBoolean(), right.Str("sid"), right.Str("channel")));
        var (request, body) = vendor.Received.Last();
        Assert.Equal($"https://verify.twilio.test/v2/Services/{LiveTwilioFactory.ServiceSid}/VerificationCheck", request.RequestUri!.ToString());
        Assert.Equal($"VerificationSid={sid}&Code=123456", body);
        Assert.Equal(VerificationStatus.Approved, (await app.VerificationAsync(sid)).Status);

        await (await app.CheckCodeAsync(user.Bearer, email, "123456")).AssertTwilioErrorAsync(HttpStatusCode.NotFound, "verification_not_found", 20404);
        Assert.Equal(3, vendor.Received.Count);
    }

    [Fact]
    public async Task Only_the_owner_may_check_another_user_gets_404_and_twilio_is_not_asked()
    {
        var owner = await GraphUser.CreateAsync(app);
        var stranger = await GraphUser.CreateAsync(app);
        var phone = OtpSeed.NewPhone();
        var vendor = app.Script(v => v.Answer(HttpStatusCode.Created, TwilioBodies.Verification(NewSid(), phone, "sms", "pending")));
        await app.SentAsync(owner.Bearer, phone);

        await (await app.CheckCodeAsync(stranger.Bearer, phone, "123456")).AssertTwilioErrorAsync(HttpStatusCode.NotFound, "verification_not_found", 20404);

        Assert.Single(vendor.Received);
    }

    [Fact]
    public async Task Twilio_s_60202_60203_and_20404_become_our_429s_and_404()
    {
        var user = await GraphUser.CreateAsync(app);
        var phone = OtpSeed.NewPhone();
        var sid = NewSid();
        app.Script(v => v
            .Answer(HttpStatusCode.Created, TwilioBodies.Verification(sid, phone, "sms", "pending"))
            .Answer(HttpStatusCode.TooManyRequests, TwilioBodies.Error(60202, 429))
            .Answer(HttpStatusCode.TooManyRequests, TwilioBodies.Error(60203, 429), retryAfter: TimeSpan.FromSeconds(120))
            .Answer(HttpStatusCode.NotFound, TwilioBodies.Error(20404, 404)));
        await app.SentAsync(user.Bearer, phone);

        var checks = await app.CheckCodeAsync(user.Bearer, phone, "123456");
        var sends = await app.SendCodeAsync(user.Bearer, phone);
        var gone = await app.CheckCodeAsync(user.Bearer, phone, "123456");

        var tooManyChecks = await checks.AssertTwilioErrorAsync(HttpStatusCode.TooManyRequests, "max_check_attempts", 60202);
        await sends.AssertTwilioErrorAsync(HttpStatusCode.TooManyRequests, "max_send_attempts", 60203);
        Assert.Equal("120", sends.Headers.GetValues("Retry-After").Single());
        await gone.AssertTwilioErrorAsync(HttpStatusCode.NotFound, "verification_not_found", 20404);
        Assert.DoesNotContain("twilio.com", tooManyChecks.ToString(), StringComparison.Ordinal);
        Assert.Equal(VerificationStatus.Expired, (await app.VerificationAsync(sid)).Status);
    }

    [Fact]
    public async Task A_new_sid_from_twilio_cancels_the_verification_it_replaces()
    {
        var user = await GraphUser.CreateAsync(app);
        var phone = OtpSeed.NewPhone();
        var (first, second) = (NewSid(), NewSid());
        app.Script(v => v
            .Answer(HttpStatusCode.Created, TwilioBodies.Verification(first, phone, "sms", "pending"))
            .Answer(HttpStatusCode.Created, TwilioBodies.Verification(second, phone, "sms", "pending")));

        await app.SentAsync(user.Bearer, phone);
        await app.SentAsync(user.Bearer, phone);

        Assert.Equal((VerificationStatus.Canceled, VerificationStatus.Pending), ((await app.VerificationAsync(first)).Status, (await app.VerificationAsync(second)).Status));
    }

    [Fact]
    public async Task A_failing_twilio_is_a_502_naming_it_without_its_body_and_the_charge_is_refunded()
    {
        await app.StartMeteringAsync();
        var org = await app.FundedOrgAsync();
        var vendor = app.Script(v => v.Answer(HttpStatusCode.ServiceUnavailable, """{"code":20500,"message":"VENDOR-INTERNAL-DETAIL"}"""));

        var failed = await (await app.SendCodeAsync(org.Admin.Bearer, OtpSeed.NewPhone(), orgId: org.Id.ToString())).AssertErrorAsync(HttpStatusCode.BadGateway, "provider_failed");

        Assert.Contains("Twilio Verify (live)", failed.Str("message"), StringComparison.Ordinal);
        Assert.DoesNotContain("VENDOR", failed.ToString(), StringComparison.Ordinal);
        Assert.Single(vendor.Received);
        Assert.Equal(100m, await app.CreditsAsync(org));
        var audited = Assert.Single(await app.AuditOfAsync(org.Admin.Id, AuditEventTypes.OtpSend));
        Assert.Equal(("provider_failed", true, "answered 503"), (audited.Str("outcome"), audited.GetProperty("refunded").GetBoolean(), audited.Str("reason")));
    }

    [Fact]
    public async Task A_429_from_twilio_s_own_rate_limit_is_not_retried_a_post_is_never_sent_twice()
    {
        var user = await GraphUser.CreateAsync(app);
        var vendor = app.Script(v => v.Answer(HttpStatusCode.TooManyRequests, TwilioBodies.Error(20429, 429), retryAfter: TimeSpan.FromSeconds(1)));

        var failed = await (await app.SendCodeAsync(user.Bearer, OtpSeed.NewPhone())).AssertErrorAsync(HttpStatusCode.BadGateway, "provider_failed");

        Assert.Contains("too many (429)", failed.Str("message"), StringComparison.Ordinal);
        Assert.Single(vendor.Received);
    }

    [Theory]
    [InlineData("<html>gateway</html>")]
    [InlineData("""{"status":"pending"}""")]
    [InlineData("""{"sid":"not-a-sid","status":"pending","service_sid":"VA1","account_sid":"AC1","date_created":"2015-07-30T20:00:00Z"}""")]
    [InlineData("[1,2]")]
    public async Task A_malformed_answer_is_a_502_and_nothing_is_stored(string body)
    {
        var user = await GraphUser.CreateAsync(app);
        app.Script(v => v.Answer(HttpStatusCode.Created, body));

        var failed = await (await app.SendCodeAsync(user.Bearer, OtpSeed.NewPhone())).AssertErrorAsync(HttpStatusCode.BadGateway, "provider_failed");

        Assert.Contains("not a verification", failed.Str("message"), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.CodeVerifications.CountAsync(v => v.StartedBy == user.Id)));
    }

    [Fact]
    public async Task A_twilio_that_does_not_answer_in_time_is_a_502()
    {
        var user = await GraphUser.CreateAsync(app);
        var vendor = app.Script(v => v.Hang(TimeSpan.FromMinutes(5)));

        var sending = app.SendCodeAsync(user.Bearer, OtpSeed.NewPhone());
        while (vendor.Received.IsEmpty)
        {
            await Task.Delay(20);
        }
        // The pipeline's timers follow the host's clock.
        app.Time.Advance(TimeSpan.FromSeconds(31));

        var failed = await (await sending).AssertErrorAsync(HttpStatusCode.BadGateway, "provider_failed");
        Assert.Contains("did not answer in time", failed.Str("message"), StringComparison.Ordinal);
    }

    private static string NewSid() => TwilioSids.NewVerification();

    /// <summary>Twilio Verify Live against a fake whose script each test replaces; no retries (POSTs are never retried anyway).</summary>
    public sealed class LiveTwilioFactory : RaytioFactory
    {
        public const string AccountSid = "AC00000000000000000000000000000001";
        public const string ServiceSid = "VA00000000000000000000000000000002";
        public const string AuthToken = "test-auth-token";
        public const int CodeLength = 8;

        private FakeVendor _vendor = new();

        protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
        [
            new("Raytio:Twilio:Engine", "Live"),
            new("Raytio:Twilio:Live:BaseUrl", "https://verify.twilio.test/"),
            new("Raytio:Twilio:Live:AccountSid", AccountSid),
            new("Raytio:Twilio:Live:AuthToken", AuthToken),
            new("Raytio:Twilio:Live:ServiceSid", ServiceSid),
            new("Raytio:Twilio:Live:MaxRetries", "0"),
            // Not the Local engine's 6, so a padded code shows which length it was padded to.
            new("Raytio:Twilio:Live:CodeLength", CodeLength.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ];

        /// <summary>A fresh fake with the given script for the next requests (the class's tests run one at a time).</summary>
        public FakeVendor Script(Func<FakeVendor, FakeVendor> script)
        {
            _vendor = script(new FakeVendor());
            return _vendor;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddHttpClient(TwilioVerifyEngine.HttpClientName)
                .ConfigurePrimaryHttpMessageHandler(() => new Forwarding(() => _vendor)));
        }

        /// <summary>Hands each request to the current fake (the primary handler outlives a test's script).</summary>
        private sealed class Forwarding(Func<FakeVendor> current) : HttpMessageHandler
        {
            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                using var invoker = new HttpMessageInvoker(current(), disposeHandler: false);
                return await invoker.SendAsync(request, cancellationToken);
            }
        }
    }
}
