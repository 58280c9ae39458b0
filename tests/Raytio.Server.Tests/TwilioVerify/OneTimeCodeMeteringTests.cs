using System.Net;
using Raytio.Server.Features.Audit;
using Raytio.Server.Tests.Billing;
using Raytio.Server.Tests.Billing.Metering;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Organizations;
using Raytio.Server.Tests.OutsideChecks;

namespace Raytio.Server.Tests.TwilioVerify;

/// <summary>Sends and checks made for an organisation: what they cost, what a refusal costs, and what the audit trail keeps.</summary>
public sealed class OneTimeCodeMeteringTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task Sends_and_checks_for_an_organisation_are_charged_refusals_are_refunded_and_all_are_audited_without_the_destination()
    {
        await app.StartMeteringAsync();
        var org = await app.FundedOrgAsync();
        var orgId = org.Id.ToString();
        var phone = OtpSeed.NewPhone();
        var sent = await app.SentAsync(org.Admin.Bearer, phone, orgId: orgId);
        var code = await app.LatestCodeAsync(phone);
        Assert.Equal("pending", await app.CheckOutcomeAsync(org.Admin.Bearer, phone, OtpSeed.Wrong(code), orgId));
        Assert.Equal("approved", await app.CheckOutcomeAsync(org.Admin.Bearer, phone, code, orgId));
        await (await app.CheckCodeAsync(org.Admin.Bearer, phone, code, orgId)).AssertErrorAsync(HttpStatusCode.NotFound, "verification_not_found");

        // One send and two answered checks at 2 credits; the refused check was refunded.
        Assert.Equal(94m, await app.CreditsAsync(org));
        var send = Assert.Single(await app.AuditOfAsync(org.Admin.Id, AuditEventTypes.OtpSend));
        Assert.Equal(("pending", sent.Str("sid"), "sms", orgId, "otp_send", "one-time-code engine (local)"),
            (send.Str("outcome"), send.Str("sid"), send.Str("channel"), send.Str("org_id"), send.Str("check"), send.Str("provider")));
        Assert.Matches("^[0-9a-f]{64}$", send.Str("destination_hmac"));
        var checks = await app.AuditOfAsync(org.Admin.Id, AuditEventTypes.OtpCheck);
        Assert.Equal(["pending", "approved", "verification_not_found"], checks.Select(c => c.Str("outcome")));
        Assert.True(checks[2].GetProperty("refunded").GetBoolean());
        Assert.All(checks, c => Assert.Equal(send.Str("destination_hmac"), c.Str("destination_hmac")));
        Assert.All(checks.Append(send), c => Assert.DoesNotContain(phone[3..], c.ToString(), StringComparison.Ordinal));
        Assert.All(checks.Append(send), c => Assert.DoesNotContain(code, c.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_personal_send_is_not_metered_and_is_audited()
    {
        await app.StartMeteringAsync();
        var org = await app.FundedOrgAsync();
        var phone = OtpSeed.NewPhone();

        await app.SentAsync(org.Admin.Bearer, phone);
        await (await app.SendCodeAsync(org.Admin.Bearer, phone, "whatsapp")).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Equal(100m, await app.CreditsAsync(org));
        var send = Assert.Single(await app.AuditOfAsync(org.Admin.Id, AuditEventTypes.OtpSend));
        Assert.Equal(("pending", "NotMetered"), (send.Str("outcome"), send.Str("settlement")));
    }

    [Fact]
    public async Task An_organisation_without_credit_gets_402_and_no_code_is_sent()
    {
        await app.StartMeteringAsync();
        var org = await app.CreateOrgAsync();
        var phone = OtpSeed.NewPhone();

        await (await app.SendCodeAsync(org.Admin.Bearer, phone, orgId: org.Id.ToString())).AssertErrorAsync(HttpStatusCode.PaymentRequired, "insufficient_credit");

        Assert.Equal(0, await app.MailboxCountAsync(phone));
        Assert.Equal("insufficient_credit", Assert.Single(await app.AuditOfAsync(org.Admin.Id, AuditEventTypes.OtpSend)).Str("outcome"));
    }
}
