using System.Net;
using System.Text.RegularExpressions;
using Raytio.Server.Tests.Billing;
using Raytio.Server.Tests.Billing.StripeAdapter;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.TwilioVerify;

/// <summary>
/// Operations 110 and 111 with the Live engine against Prism serving Twilio's own Verify v2
/// contract (tests/interop/twilio): Prism validates each request the adapter sends (path,
/// Basic auth, form fields) and answers with the contract's examples, which the adapter maps.
/// </summary>
public sealed partial class TwilioPrismContractTests(TwilioPrismContractTests.PrismTwilioHost app) : IClassFixture<TwilioPrismContractTests.PrismTwilioHost>
{
    private const string ExampleSid = "VEaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

    [Theory]
    [InlineData("sms")]
    [InlineData("voice")]
    [InlineData("email")]
    public async Task Sends_on_every_channel_pass_twilio_s_contract_and_map_its_answer(string channel)
    {
        var user = await GraphUser.CreateAsync(app);
        var to = channel == "email" ? RaytioFactory.NewEmail() : OtpSeed.NewPhone();
        var mark = app.Twilio.Output.Length;

        var sent = await app.SentAsync(user.Bearer, to, channel);

        Assert.Equal((ExampleSid, "pending", false, to), (sent.Str("sid"), sent.Str("status"), sent.GetProperty("valid").GetBoolean(), sent.Str("to")));
        Assert.Equal("VAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", sent.Str("service_sid"));
        Assert.Single(sent.GetProperty("send_code_attempts").EnumerateArray());
        await AssertRequestsValidAsync(mark, 1);
    }

    [Fact]
    public async Task A_check_passes_twilio_s_contract_and_its_approval_is_answered()
    {
        var user = await GraphUser.CreateAsync(app);
        var phone = OtpSeed.NewPhone();
        var mark = app.Twilio.Output.Length;
        await app.SentAsync(user.Bearer, phone);

        var approved = await (await app.CheckCodeAsync(user.Bearer, phone, "123456")).AssertOkAsync();

        Assert.Equal((ExampleSid, "approved", true), (approved.Str("sid"), approved.Str("status"), approved.GetProperty("valid").GetBoolean()));
        await AssertRequestsValidAsync(mark, 2);
    }

    [Fact]
    public async Task Prism_rejects_a_request_that_breaks_the_contract_so_the_checks_above_can_fail()
    {
        using var client = new HttpClient { BaseAddress = app.Twilio.Address };
        using var body = new FormUrlEncodedContent([new("To", "+6421000000")]);
        var mark = app.Twilio.Output.Length;

        var answer = await client.PostAsync($"/v2/Services/{TwilioLiveEngineTests.LiveTwilioFactory.ServiceSid}/Verifications", body);

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        await WaitForAsync(() => Violation().IsMatch(app.Twilio.Output[mark..]));
        Assert.Contains("Request body must have required property 'Channel'", app.Twilio.Output[mark..], StringComparison.Ordinal);
    }

    /// <summary>
    /// Prism logs its verdict on each request: the <paramref name="requests"/> made since
    /// <paramref name="mark"/> (this class's tests run one at a time) all passed, none broke the contract.
    /// </summary>
    private async Task AssertRequestsValidAsync(int mark, int requests)
    {
        await WaitForAsync(() => Verdict().Count(app.Twilio.Output[mark..]) >= requests);
        var output = app.Twilio.Output[mark..];
        Assert.Equal(requests, Passed().Count(output));
        var violations = output.Split('\n').Where(line => Violation().IsMatch(line)).ToList();
        Assert.True(violations.Count == 0, string.Join('\n', violations));
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var wait = 0; wait < 100 && !condition(); wait++)
        {
            await Task.Delay(50);
        }
        Assert.True(condition());
    }

    [GeneratedRegex("Violation|did not pass the validation rules|✖")]
    private static partial Regex Violation();

    [GeneratedRegex("The request passed the validation rules")]
    private static partial Regex Passed();

    [GeneratedRegex("passed the validation rules|did not pass the validation rules")]
    private static partial Regex Verdict();

    /// <summary>The Live engine pointed at Prism serving tests/interop/twilio's contract on a loopback port.</summary>
    public sealed class PrismTwilioHost : RaytioFactory
    {
        private LoopbackNodeServer? _twilio;

        public LoopbackNodeServer Twilio => _twilio ?? throw new InvalidOperationException("Prism has not started.");

        protected override async Task StartDependenciesAsync() =>
            _twilio = await LoopbackNodeServer.StartAsync("node_modules/@stoplight/prism-cli/dist/index.js",
                port => ["mock", "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "twilio/twilio_verify_v2.services_verifications.json"]);

        protected override async Task StopDependenciesAsync()
        {
            if (_twilio is not null)
            {
                await _twilio.DisposeAsync();
            }
        }

        protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
        [
            new("Raytio:Twilio:Engine", "Live"),
            new("Raytio:Twilio:Live:BaseUrl", Twilio.Address.ToString()),
            new("Raytio:Twilio:Live:AccountSid", TwilioLiveEngineTests.LiveTwilioFactory.AccountSid),
            new("Raytio:Twilio:Live:AuthToken", TwilioLiveEngineTests.LiveTwilioFactory.AuthToken),
            new("Raytio:Twilio:Live:ServiceSid", TwilioLiveEngineTests.LiveTwilioFactory.ServiceSid),
            new("Raytio:Twilio:Live:MaxRetries", "0"),
        ];
    }
}
