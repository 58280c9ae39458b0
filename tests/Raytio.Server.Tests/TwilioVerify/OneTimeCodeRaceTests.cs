using Microsoft.Extensions.DependencyInjection;
using Raytio.Server.Providers.Twilio;
using Raytio.Server.Tests.Billing;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.OutsideChecks;

namespace Raytio.Server.Tests.TwilioVerify;

/// <summary>
/// The Local engine when another request writes between a request's read and its write (made
/// deterministic with <see cref="CommandHook"/>): a replaced code never approves, a resend never
/// revives a finished verification; and how often a request reads the organisation.
/// </summary>
public sealed class OneTimeCodeRaceTests(CommandHook.HookedFactory app) : IClassFixture<CommandHook.HookedFactory>
{
    private const string VerificationUpdate = "UPDATE otp_verifications";

    [Fact]
    public async Task A_code_replaced_by_a_resend_after_the_check_read_it_counts_as_a_wrong_code_and_does_not_approve()
    {
        var user = await GraphUser.CreateAsync(app);
        var phone = OtpSeed.NewPhone();
        var sent = await app.SentAsync(user.Bearer, phone);
        var oldCode = await app.LatestCodeAsync(phone);
        var newCode = OtpSeed.Wrong(oldCode);
        var hashes = app.Services.GetRequiredService<OneTimeCodeHashes>();
        var newHash = await hashes.CodeAsync(await hashes.DestinationAsync(phone, CancellationToken.None), newCode, CancellationToken.None);
        app.Hook.Before(VerificationUpdate, "UPDATE otp_verifications SET code_hash = @hash WHERE sid = @sid",
            new() { ["hash"] = newHash, ["sid"] = sent.Str("sid") });

        var replaced = await app.CheckOutcomeAsync(user.Bearer, phone, oldCode);

        Assert.Equal("pending", replaced);
        var stored = await app.VerificationAsync(sent.Str("sid"));
        Assert.Equal((VerificationStatus.Pending, 1), (stored.Status, stored.Checks));
        Assert.Equal("approved", await app.CheckOutcomeAsync(user.Bearer, phone, newCode));
    }

    [Theory]
    [InlineData("status = 'approved'", VerificationStatus.Approved)]
    [InlineData("checks = 5", VerificationStatus.Canceled)]
    public async Task A_resend_racing_a_check_that_finished_the_verification_starts_a_new_one(string finished, string oldStatus)
    {
        var user = await GraphUser.CreateAsync(app);
        var phone = OtpSeed.NewPhone();
        var first = await app.SentAsync(user.Bearer, phone);
        var firstHash = (await app.VerificationAsync(first.Str("sid"))).CodeHash;
        app.Hook.Before(VerificationUpdate, $"UPDATE otp_verifications SET {finished} WHERE sid = @sid", new() { ["sid"] = first.Str("sid") });

        var resent = await app.SentAsync(user.Bearer, phone);

        Assert.NotEqual(first.Str("sid"), resent.Str("sid"));
        Assert.Equal("sms", Assert.Single(resent.GetProperty("send_code_attempts").EnumerateArray()).Str("channel"));
        var old = await app.VerificationAsync(first.Str("sid"));
        Assert.Equal((oldStatus, firstHash), (old.Status, old.CodeHash));
        Assert.Equal("approved", await app.CheckOutcomeAsync(user.Bearer, phone, await app.LatestCodeAsync(phone)));
    }

    [Fact]
    public async Task A_send_and_a_check_for_an_organisation_read_its_membership_once_each()
    {
        await app.StartMeteringAsync();
        try
        {
            var org = await app.FundedOrgAsync();
            var phone = OtpSeed.NewPhone();

            var sendReads = await OrganizationReadsAsync(() => app.SentAsync(org.Admin.Bearer, phone, orgId: org.Id.ToString()));
            var code = await app.LatestCodeAsync(phone);
            var checkReads = await OrganizationReadsAsync(() => app.CheckOutcomeAsync(org.Admin.Bearer, phone, code, org.Id.ToString()));

            Assert.Equal((1, 1), (sendReads, checkReads));
        }
        finally
        {
            app.StopMetering();
        }
    }

    private async Task<int> OrganizationReadsAsync<T>(Func<Task<T>> request)
    {
        app.Hook.Commands.Clear();
        await request();
        return app.Hook.Commands.Count(text => text.Contains("organization_members", StringComparison.Ordinal));
    }
}
