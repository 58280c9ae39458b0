using System.Net;
using Raytio.Server.Tests.Billing;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Organizations;

namespace Raytio.Server.Tests.TwilioVerify;

/// <summary>
/// Who may check a verification: the user who started it (without `org_id`), or any member of the
/// organisation it was started for. Everyone else, and anyone asking about no verification at
/// all, gets the same 404 body; an organisation the caller is not a member of is 404 organization_not_found.
/// </summary>
public sealed class OneTimeCodeAuthorizationTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task Anonymous_callers_get_401_on_both_operations()
    {
        await (await app.SendCodeAsync(null, OtpSeed.NewPhone())).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await app.CheckCodeAsync(null, OtpSeed.NewPhone(), "123456")).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Another_user_cannot_check_a_personal_verification_and_learns_nothing_of_it()
    {
        var owner = await GraphUser.CreateAsync(app);
        var stranger = await GraphUser.CreateAsync(app);
        var phone = OtpSeed.NewPhone();
        await app.SentAsync(owner.Bearer, phone);
        var code = await app.LatestCodeAsync(phone);

        var denied = await (await app.CheckCodeAsync(stranger.Bearer, phone, code)).AssertTwilioErrorAsync(HttpStatusCode.NotFound, "verification_not_found", 20404);
        var unknown = await (await app.CheckCodeAsync(stranger.Bearer, OtpSeed.NewPhone(), code)).AssertTwilioErrorAsync(HttpStatusCode.NotFound, "verification_not_found", 20404);

        Assert.Equal(unknown.ToString(), denied.ToString());
        Assert.Equal("approved", await app.CheckOutcomeAsync(owner.Bearer, phone, code));
    }

    [Fact]
    public async Task Any_member_of_the_organisation_may_check_its_verification_but_not_without_naming_it()
    {
        var org = await app.CreateOrgAsync();
        var member = await app.NewMemberAsync(org);
        var phone = OtpSeed.NewPhone();
        await app.SentAsync(member.Bearer, phone, orgId: org.Id.ToString());
        var code = await app.LatestCodeAsync(phone);

        // Without org_id the member asks about their personal verifications: none.
        await (await app.CheckCodeAsync(member.Bearer, phone, code)).AssertTwilioErrorAsync(HttpStatusCode.NotFound, "verification_not_found", 20404);
        Assert.Equal("pending", await app.CheckOutcomeAsync(org.Admin.Bearer, phone, OtpSeed.Wrong(code), org.Id.ToString()));
        Assert.Equal("approved", await app.CheckOutcomeAsync(member.Bearer, phone, code, org.Id.ToString()));
    }

    [Fact]
    public async Task Another_organisation_s_administrator_and_an_unrelated_user_get_404_whichever_organisation_they_name()
    {
        var org = await app.CreateOrgAsync();
        var other = await app.CreateOrgAsync();
        var stranger = await GraphUser.CreateAsync(app);
        var phone = OtpSeed.NewPhone();
        await app.SentAsync(org.Admin.Bearer, phone, orgId: org.Id.ToString());
        var code = await app.LatestCodeAsync(phone);

        var notMember = await (await app.CheckCodeAsync(other.Admin.Bearer, phone, code, org.Id.ToString())).AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found");
        var noSuchOrg = await (await app.CheckCodeAsync(other.Admin.Bearer, phone, code, Guid.NewGuid().ToString())).AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found");
        Assert.Equal(noSuchOrg.GetProperty("code").GetString(), notMember.GetProperty("code").GetString());
        await (await app.CheckCodeAsync(stranger.Bearer, phone, code, org.Id.ToString())).AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found");
        await (await app.SendCodeAsync(stranger.Bearer, OtpSeed.NewPhone(), orgId: org.Id.ToString())).AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found");
        await (await app.CheckCodeAsync(other.Admin.Bearer, phone, code, other.Id.ToString())).AssertTwilioErrorAsync(HttpStatusCode.NotFound, "verification_not_found", 20404);
        await (await app.CheckCodeAsync(stranger.Bearer, phone, code)).AssertTwilioErrorAsync(HttpStatusCode.NotFound, "verification_not_found", 20404);

        Assert.Equal("approved", await app.CheckOutcomeAsync(org.Admin.Bearer, phone, code, org.Id.ToString()));
    }

    [Fact]
    public async Task A_malformed_org_id_is_400()
    {
        var user = await GraphUser.CreateAsync(app);

        await (await app.SendCodeAsync(user.Bearer, OtpSeed.NewPhone(), orgId: "nope")).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await app.CheckCodeAsync(user.Bearer, OtpSeed.NewPhone(), "123456", "nope")).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task A_personal_verification_to_the_same_destination_is_separate_from_an_organisation_s()
    {
        var org = await app.CreateOrgAsync();
        var phone = OtpSeed.NewPhone();
        var forOrg = await app.SentAsync(org.Admin.Bearer, phone, orgId: org.Id.ToString());
        var orgCode = await app.LatestCodeAsync(phone);
        var personal = await app.SentAsync(org.Admin.Bearer, phone);
        var personalCode = await app.LatestCodeAsync(phone);

        Assert.NotEqual(forOrg.Str("sid"), personal.Str("sid"));
        Assert.Equal("approved", await app.CheckOutcomeAsync(org.Admin.Bearer, phone, personalCode));
        Assert.Equal("approved", await app.CheckOutcomeAsync(org.Admin.Bearer, phone, orgCode, org.Id.ToString()));
    }
}
