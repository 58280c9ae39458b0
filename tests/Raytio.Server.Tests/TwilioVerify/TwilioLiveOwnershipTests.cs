using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Raytio.Server.Providers.Twilio;
using Raytio.Server.Providers.Twilio.Storage;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Organizations;

namespace Raytio.Server.Tests.TwilioVerify;

/// <summary>
/// The Live engine's local rows: Twilio shares one pending verification per destination, so a
/// second owner's send is refused while another's is pending; a status settled by one check is
/// never overwritten by another; a code given as a JSON number is padded to the service's length.
/// </summary>
public sealed class TwilioLiveOwnershipTests(TwilioLiveEngineTests.LiveTwilioFactory app) : IClassFixture<TwilioLiveEngineTests.LiveTwilioFactory>
{
    [Fact]
    public async Task A_send_for_another_owner_while_one_is_pending_to_the_destination_is_409_and_twilio_is_not_asked()
    {
        var org = await app.CreateOrgAsync();
        var phone = OtpSeed.NewPhone();
        var vendor = app.Script(v => v
            .Answer(HttpStatusCode.Created, TwilioBodies.Verification(TwilioSids.NewVerification(), phone, "sms", "pending"))
            .Answer(HttpStatusCode.Created, TwilioBodies.Verification(TwilioSids.NewVerification(), phone, "sms", "pending")));
        await app.SentAsync(org.Admin.Bearer, phone);

        var refused = await app.SendCodeAsync(org.Admin.Bearer, phone, orgId: org.Id.ToString());

        await refused.AssertErrorAsync(HttpStatusCode.Conflict, TwilioErrors.DestinationBusyCode);
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 599, 600);
        Assert.Single(vendor.Received);
        Assert.Equal(0, await app.WithDbAsync(db => db.CodeVerifications.CountAsync(v => v.OrganizationId == org.Id)));

        app.Time.Advance(OneTimeCodeRules.Lifetime);
        await app.SentAsync(org.Admin.Bearer, phone, orgId: org.Id.ToString());
        Assert.Equal(2, vendor.Received.Count);
    }

    [Fact]
    public async Task Of_two_owners_racing_past_the_first_look_only_the_one_recorded_first_keeps_twilio_s_sid()
    {
        var (first, second) = (await GraphUser.CreateAsync(app), await GraphUser.CreateAsync(app));
        var phone = OtpSeed.NewPhone();
        var sid = TwilioSids.NewVerification();
        var hashes = app.Services.GetRequiredService<OneTimeCodeHashes>();
        var to = await hashes.DestinationAsync(phone, CancellationToken.None);
        app.Script(v => v.Then(async (_, _) =>
        {
            // The first owner's send is recorded while Twilio answers the second's with the same SID.
            await app.WithDbAsync(db =>
            {
                db.CodeVerifications.Add(CodeVerification.Pending(new VerificationStart(new VerificationOwner(first.Id, null), to, CodeChannel.Sms), sid, app.Time.GetUtcNow().UtcDateTime));
                return db.SaveChangesAsync();
            });
            return new HttpResponseMessage(HttpStatusCode.Created) { Content = new StringContent(TwilioBodies.Verification(sid, phone, "sms", "pending")) };
        }));

        await (await app.SendCodeAsync(second.Bearer, phone)).AssertErrorAsync(HttpStatusCode.Conflict, TwilioErrors.DestinationBusyCode);

        Assert.Equal(first.Id, (await app.VerificationAsync(sid)).StartedBy);
    }

    [Fact]
    public async Task A_check_that_twilio_finds_finished_does_not_overwrite_the_approval_another_check_recorded()
    {
        var user = await GraphUser.CreateAsync(app);
        var phone = OtpSeed.NewPhone();
        var sid = TwilioSids.NewVerification();
        app.Script(v => v
            .Answer(HttpStatusCode.Created, TwilioBodies.Verification(sid, phone, "sms", "pending"))
            .Then(async (_, _) =>
            {
                // Another check approved it while this one was with Twilio, which now answers 20404.
                await app.WithDbAsync(db => db.CodeVerifications.Where(v => v.Sid == sid).ExecuteUpdateAsync(s => s.SetProperty(v => v.Status, VerificationStatus.Approved)));
                return new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent(TwilioBodies.Error(20404, 404)) };
            }));
        await app.SentAsync(user.Bearer, phone);

        await (await app.CheckCodeAsync(user.Bearer, phone, "123456")).AssertTwilioErrorAsync(HttpStatusCode.NotFound, "verification_not_found", 20404);

        Assert.Equal(VerificationStatus.Approved, (await app.VerificationAsync(sid)).Status);
    }

    [Fact]
    public async Task A_code_given_as_a_json_number_is_padded_to_the_twilio_service_s_code_length()
    {
        var user = await GraphUser.CreateAsync(app);
        var phone = OtpSeed.NewPhone();
        var sid = TwilioSids.NewVerification();
        var vendor = app.Script(v => v
            .Answer(HttpStatusCode.Created, TwilioBodies.Verification(sid, phone, "sms", "pending"))
            .Answer(HttpStatusCode.OK, TwilioBodies.Check(sid, phone, "sms", "approved")));
        await app.SentAsync(user.Bearer, phone);

        await (await app.SendJsonTextAsync(HttpMethod.Post, "/twilio/v1/verify/check",
            $$"""{"verification_to":{{phone[1..]}},"verification_code":42}""", user.Bearer)).AssertOkAsync();

        Assert.Equal($"VerificationSid={sid}&Code={"42".PadLeft(TwilioLiveEngineTests.LiveTwilioFactory.CodeLength, '0')}", vendor.Received.Last().Body);
    }
}
