using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Raytio.Server.Providers.Email;
using Raytio.Server.Providers.Twilio;
using Raytio.Server.Providers.Twilio.Local;
using Raytio.Server.Providers.Twilio.Storage;
using Raytio.Server.Tests.Billing;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.TwilioVerify;

/// <summary>Operations 110 and 111 on the Local engine: statuses, expiry, the check and send limits, and how codes are kept.</summary>
public sealed class OneTimeCodeTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task A_code_sent_by_sms_reaches_the_development_mailbox_and_approves_the_verification()
    {
        var user = await GraphUser.CreateAsync(app);
        var phone = OtpSeed.NewPhone();

        // The reference writes the number as a JSON number without its '+'.
        var sent = await (await app.SendJsonTextAsync(HttpMethod.Post, "/twilio/v1/verify",
            $$"""{"verification_to": {{phone[1..]}}, "verification_channel": "sms"}""", user.Bearer)).AssertOkAsync();

        Assert.Matches("^VE[0-9a-f]{32}$", sent.Str("sid"));
        Assert.Matches("^VA[0-9a-f]{32}$", sent.Str("service_sid"));
        Assert.Matches("^AC[0-9a-f]{32}$", sent.Str("account_sid"));
        Assert.Equal((phone, "sms", "pending", false), (sent.Str("to"), sent.Str("channel"), sent.Str("status"), sent.GetProperty("valid").GetBoolean()));
        Assert.Equal("sms", Assert.Single(sent.GetProperty("send_code_attempts").EnumerateArray()).Str("channel"));
        Assert.Equal(JsonValueKind.Null, sent.GetProperty("amount").ValueKind);
        var message = await app.WithDbAsync(db => db.MailboxMessages.SingleAsync(m => m.To == phone));
        Assert.Equal(CodeDelivery.SmsSubject, message.Subject);

        var checkedOk = await (await app.CheckCodeAsync(user.Bearer, phone, await app.LatestCodeAsync(phone))).AssertOkAsync();

        Assert.Equal((sent.Str("sid"), "approved", true, phone), (checkedOk.Str("sid"), checkedOk.Str("status"), checkedOk.GetProperty("valid").GetBoolean(), checkedOk.Str("to")));
        Assert.Equal(VerificationStatus.Approved, (await app.VerificationAsync(sent.Str("sid"))).Status);
    }

    [Fact]
    public async Task A_wrong_code_is_an_answer_pending_and_not_valid_and_the_right_one_still_approves()
    {
        var user = await GraphUser.CreateAsync(app);
        var phone = OtpSeed.NewPhone();
        await app.SentAsync(user.Bearer, phone);
        var code = await app.LatestCodeAsync(phone);

        var wrong = await (await app.CheckCodeAsync(user.Bearer, phone, OtpSeed.Wrong(code))).AssertOkAsync();

        Assert.Equal(("pending", false), (wrong.Str("status"), wrong.GetProperty("valid").GetBoolean()));
        Assert.Equal("approved", await app.CheckOutcomeAsync(user.Bearer, phone, code));
    }

    [Fact]
    public async Task An_approved_verification_is_finished_a_second_check_is_404_with_twilio_s_20404()
    {
        var user = await GraphUser.CreateAsync(app);
        var phone = OtpSeed.NewPhone();
        await app.SentAsync(user.Bearer, phone);
        var code = await app.LatestCodeAsync(phone);
        Assert.Equal("approved", await app.CheckOutcomeAsync(user.Bearer, phone, code));

        await (await app.CheckCodeAsync(user.Bearer, phone, code)).AssertTwilioErrorAsync(HttpStatusCode.NotFound, "verification_not_found", 20404);
    }

    [Fact]
    public async Task A_check_without_any_verification_is_404()
    {
        var user = await GraphUser.CreateAsync(app);

        await (await app.CheckCodeAsync(user.Bearer, OtpSeed.NewPhone(), "123456")).AssertTwilioErrorAsync(HttpStatusCode.NotFound, "verification_not_found", 20404);
    }

    [Fact]
    public async Task Email_codes_go_through_the_email_sender()
    {
        var user = await GraphUser.CreateAsync(app);
        var email = RaytioFactory.NewEmail().ToUpperInvariant();

        var sent = await app.SentAsync(user.Bearer, email, "email");

        Assert.Equal((email.ToLowerInvariant(), "email"), (sent.Str("to"), sent.Str("channel")));
        var code = await app.LatestCodeAsync(email.ToLowerInvariant());
        Assert.Equal(CodeDelivery.EmailSubject, await app.WithDbAsync(db => db.MailboxMessages.Where(m => m.To == email.ToLowerInvariant()).Select(m => m.Subject).SingleAsync()));
        Assert.Equal("approved", await app.CheckOutcomeAsync(user.Bearer, email, code));
    }

    [Fact]
    public async Task A_voice_code_is_a_call_in_the_development_mailbox_and_a_resend_may_change_channel_keeping_the_sid()
    {
        var user = await GraphUser.CreateAsync(app);
        var phone = OtpSeed.NewPhone();
        var first = await app.SentAsync(user.Bearer, phone, "voice");
        var firstCode = await app.LatestCodeAsync(phone);

        var second = await app.SentAsync(user.Bearer, phone, "sms");

        Assert.Equal(first.Str("sid"), second.Str("sid"));
        Assert.Equal("sms", second.Str("channel"));
        Assert.Equal(["voice", "sms"], second.GetProperty("send_code_attempts").EnumerateArray().Select(a => a.Str("channel")));
        Assert.Equal([CodeDelivery.VoiceSubject, CodeDelivery.SmsSubject],
            await app.WithDbAsync(db => db.MailboxMessages.Where(m => m.To == phone).OrderBy(m => m.CreatedAt).Select(m => m.Subject).ToListAsync()));
        var secondCode = await app.LatestCodeAsync(phone);
        // Only the newest code counts (the first could only be resent if it were kept in clear).
        if (firstCode != secondCode)
        {
            Assert.Equal("pending", await app.CheckOutcomeAsync(user.Bearer, phone, firstCode));
        }
        Assert.Equal("approved", await app.CheckOutcomeAsync(user.Bearer, phone, secondCode));
    }

    [Fact]
    public async Task Codes_expire_ten_minutes_after_the_first_send_and_a_new_send_starts_a_new_verification()
    {
        var user = await GraphUser.CreateAsync(app);
        var phone = OtpSeed.NewPhone();
        var first = await app.SentAsync(user.Bearer, phone);
        app.Time.Advance(TimeSpan.FromMinutes(9));
        await app.SentAsync(user.Bearer, phone);
        var code = await app.LatestCodeAsync(phone);

        app.Time.Advance(TimeSpan.FromMinutes(1));

        await (await app.CheckCodeAsync(user.Bearer, phone, code)).AssertTwilioErrorAsync(HttpStatusCode.NotFound, "verification_not_found", 20404);
        var fresh = await app.SentAsync(user.Bearer, phone);
        Assert.NotEqual(first.Str("sid"), fresh.Str("sid"));
        Assert.Equal(VerificationStatus.Expired, (await app.VerificationAsync(first.Str("sid"))).Status);
        Assert.Equal("approved", await app.CheckOutcomeAsync(user.Bearer, phone, await app.LatestCodeAsync(phone)));
    }

    [Fact]
    public async Task Five_checks_are_allowed_the_sixth_is_429_with_60202_and_a_new_send_cancels_and_replaces_the_verification()
    {
        var user = await GraphUser.CreateAsync(app);
        var phone = OtpSeed.NewPhone();
        var sent = await app.SentAsync(user.Bearer, phone);
        var code = await app.LatestCodeAsync(phone);
        for (var check = 0; check < OneTimeCodeRules.MaxChecks; check++)
        {
            Assert.Equal("pending", await app.CheckOutcomeAsync(user.Bearer, phone, OtpSeed.Wrong(code)));
        }

        var refused = await app.CheckCodeAsync(user.Bearer, phone, code);

        await refused.AssertTwilioErrorAsync(HttpStatusCode.TooManyRequests, "max_check_attempts", 60202);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal(OneTimeCodeRules.MaxChecks, (await app.VerificationAsync(sent.Str("sid"))).Checks);

        var replacement = await app.SentAsync(user.Bearer, phone);
        Assert.NotEqual(sent.Str("sid"), replacement.Str("sid"));
        Assert.Equal(VerificationStatus.Canceled, (await app.VerificationAsync(sent.Str("sid"))).Status);
        Assert.Equal("approved", await app.CheckOutcomeAsync(user.Bearer, phone, await app.LatestCodeAsync(phone)));
    }

    [Fact]
    public async Task Five_sends_to_a_destination_in_ten_minutes_whoever_asks_the_sixth_is_429_with_60203_until_the_window_moves()
    {
        var user = await GraphUser.CreateAsync(app);
        var other = await GraphUser.CreateAsync(app);
        var phone = OtpSeed.NewPhone();
        for (var send = 0; send < OneTimeCodeRules.MaxSends; send++)
        {
            await app.SentAsync(user.Bearer, phone);
            app.Time.Advance(TimeSpan.FromMinutes(1));
        }

        var refused = await app.SendCodeAsync(other.Bearer, phone);

        await refused.AssertTwilioErrorAsync(HttpStatusCode.TooManyRequests, "max_send_attempts", 60203);
        // The first send leaves the window 10 minutes after it was made: 5 minutes from now.
        var wait = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(wait, 299, 301);
        Assert.Equal(OneTimeCodeRules.MaxSends, await app.WithDbAsync(db => db.MailboxMessages.CountAsync(m => m.To == phone)));
        app.Time.Advance(TimeSpan.FromSeconds(wait));
        await app.SentAsync(other.Bearer, phone);
    }

    [Fact]
    public async Task Codes_have_the_configured_length_and_only_a_keyed_hash_of_code_and_destination_is_stored()
    {
        var user = await GraphUser.CreateAsync(app);
        var phone = OtpSeed.NewPhone();
        var sent = await app.SentAsync(user.Bearer, phone);
        var code = await app.LatestCodeAsync(phone);

        var stored = await app.VerificationAsync(sent.Str("sid"));

        Assert.Equal(6, code.Length);
        Assert.Matches("^[0-9a-f]{64}$", stored.CodeHash);
        Assert.Matches("^[0-9a-f]{64}$", stored.DestinationHash);
        Assert.DoesNotContain(code, stored.CodeHash, StringComparison.Ordinal);
        Assert.NotEqual(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(code))), stored.CodeHash);
        var sends = await app.WithDbAsync(db => db.CodeSends.Where(s => s.VerificationId == stored.Id).ToListAsync());
        Assert.Equal(stored.DestinationHash, Assert.Single(sends).DestinationHash);
    }

    [Fact]
    public async Task Two_right_checks_racing_approve_once()
    {
        var user = await GraphUser.CreateAsync(app);
        var phone = OtpSeed.NewPhone();
        var sent = await app.SentAsync(user.Bearer, phone);
        var code = await app.LatestCodeAsync(phone);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => app.CheckOutcomeAsync(user.Bearer, phone, code)));

        Assert.Single(outcomes, o => o == "approved");
        Assert.All(outcomes.Where(o => o != "approved"), o => Assert.Equal("verification_not_found", o));
        Assert.Equal(VerificationStatus.Approved, (await app.VerificationAsync(sent.Str("sid"))).Status);
    }

    [Fact]
    public async Task Wrong_checks_racing_never_exceed_five()
    {
        var user = await GraphUser.CreateAsync(app);
        var phone = OtpSeed.NewPhone();
        var sent = await app.SentAsync(user.Bearer, phone);
        var wrong = OtpSeed.Wrong(await app.LatestCodeAsync(phone));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => app.CheckOutcomeAsync(user.Bearer, phone, wrong)));

        Assert.Equal(OneTimeCodeRules.MaxChecks, outcomes.Count(o => o == "pending"));
        Assert.Equal(10 - OneTimeCodeRules.MaxChecks, outcomes.Count(o => o == "max_check_attempts"));
        Assert.Equal(OneTimeCodeRules.MaxChecks, (await app.VerificationAsync(sent.Str("sid"))).Checks);
    }

    [Fact]
    public async Task Sends_racing_to_one_destination_never_exceed_the_limit()
    {
        var users = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => GraphUser.CreateAsync(app)));
        var phone = OtpSeed.NewPhone();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => app.SendCodeAsync(users[i % 3].Bearer, phone)));

        Assert.Equal(OneTimeCodeRules.MaxSends, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.Equal(8 - OneTimeCodeRules.MaxSends, answers.Count(a => a.StatusCode == HttpStatusCode.TooManyRequests));
        Assert.Equal(OneTimeCodeRules.MaxSends, await app.WithDbAsync(db => db.MailboxMessages.CountAsync(m => m.To == phone)));
    }

    [Theory]
    [InlineData("""{"verification_to":"+642152783"}""", "verification_channel")]
    [InlineData("""{"verification_to":"+642152783","verification_channel":"whatsapp"}""", "verification_channel")]
    [InlineData("""{"verification_channel":"sms"}""", "verification_to")]
    [InlineData("""{"verification_to":"021 527 83","verification_channel":"sms"}""", "verification_to")]
    [InlineData("""{"verification_to":"+0642152783","verification_channel":"sms"}""", "verification_to")]
    [InlineData("""{"verification_to":"+1234567","verification_channel":"voice"}""", "verification_to")]
    [InlineData("""{"verification_to":"person@example.com","verification_channel":"sms"}""", "verification_to")]
    [InlineData("""{"verification_to":"+642152783","verification_channel":"email"}""", "verification_to")]
    [InlineData("""{"verification_to":true,"verification_channel":"sms"}""", "verification_to")]
    public async Task A_bad_send_request_is_400_naming_the_field_with_60200(string body, string field)
    {
        var user = await GraphUser.CreateAsync(app);

        var error = await (await app.SendJsonTextAsync(HttpMethod.Post, "/twilio/v1/verify", body, user.Bearer)).AssertTwilioErrorAsync(HttpStatusCode.BadRequest, "validation_failed", 60200);

        Assert.True(error.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Theory]
    [InlineData("""{"verification_to":"+642152783"}""", "verification_code")]
    [InlineData("""{"verification_to":"+642152783","verification_code":"12a456"}""", "verification_code")]
    [InlineData("""{"verification_to":"+642152783","verification_code":"123"}""", "verification_code")]
    [InlineData("""{"verification_to":"+642152783","verification_code":"12345678901"}""", "verification_code")]
    [InlineData("""{"verification_to":"+642152783","verification_code":[1]}""", "verification_code")]
    [InlineData("""{"verification_code":"123456"}""", "verification_to")]
    [InlineData("""{"verification_to":"not-a-number","verification_code":"123456"}""", "verification_to")]
    public async Task A_bad_check_request_is_400_naming_the_field_with_60200(string body, string field)
    {
        var user = await GraphUser.CreateAsync(app);

        var error = await (await app.SendJsonTextAsync(HttpMethod.Post, "/twilio/v1/verify/check", body, user.Bearer)).AssertTwilioErrorAsync(HttpStatusCode.BadRequest, "validation_failed", 60200);

        Assert.True(error.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task A_code_given_as_a_json_number_is_read_with_its_leading_zeros()
    {
        var user = await GraphUser.CreateAsync(app);
        var phone = OtpSeed.NewPhone();
        var sent = await app.SentAsync(user.Bearer, phone);
        var verification = await app.VerificationAsync(sent.Str("sid"));
        // Make the code one with leading zeros: store the hash of "000042" for this destination.
        var hashes = app.Services.GetRequiredService<OneTimeCodeHashes>();
        var to = await hashes.DestinationAsync(phone, CancellationToken.None);
        var zeros = await hashes.CodeAsync(to, "000042", CancellationToken.None);
        await app.WithDbAsync(db => db.CodeVerifications.Where(v => v.Id == verification.Id).ExecuteUpdateAsync(s => s.SetProperty(v => v.CodeHash, zeros)));

        var approved = await (await app.SendJsonTextAsync(HttpMethod.Post, "/twilio/v1/verify/check",
            $$"""{"verification_to":{{phone[1..]}},"verification_code":42}""", user.Bearer)).AssertOkAsync();

        Assert.Equal("approved", approved.Str("status"));
    }
}
