using System.Net;
using System.Text.Json;
using Raytio.Server.Features.Audit;
using Raytio.Server.Providers.DocumentRegisters;
using Raytio.Server.Tests.Billing.Metering;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Organizations;
using Raytio.Server.Tests.OutsideChecks;

namespace Raytio.Server.Tests.DriverLicence;

/// <summary>Operation 98 on the Sandbox register (the documents' test identities): verdicts, validation, consent, metering, audit and authorization.</summary>
public sealed class DriverLicenceCheckTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    public const string Path = "/verify/v1/drivers_licence";

    public static string Body(
        string number = "DI100001", string version = "\"101\"", string first = "Aroha", string? middle = "Mere", string last = "Ngata",
        string born = "1988-03-14", string consent = "true") =>
        $$"""
        {"dataSources":["NZTA Drivers License"],"driversLicenceConsentObtained":{{consent}},"firstName":"{{first}}",{{(middle is null ? "" : $"\"middleName\":\"{middle}\",")}}
         "lastName":"{{last}}","dateOfBirth":"{{born}}","driversLicenceNo":"{{number}}","driversLicenceVersion":{{version}}}
        """;

    [Fact]
    public async Task A_current_licence_with_matching_details_is_verified_in_the_reference_shape()
    {
        var user = await GraphUser.CreateAsync(app);

        var answer = await CheckAsync(user, Body());

        Assert.StartsWith("SBX-DL-", answer.GetProperty("reportingReference").GetString(), StringComparison.Ordinal);
        Assert.True(answer.GetProperty("safeHarbour").GetBoolean());
        var result = Assert.Single(answer.GetProperty("driversLicence").EnumerateArray());
        Assert.Equal((0, "M1", true, "Matched"), (result.GetProperty("status").GetInt32(), result.GetProperty("safeHarbourScore").GetString(), result.GetProperty("verified").GetBoolean(), result.GetProperty("statusMessage").GetString()));
        Assert.Equal(("Aroha", "Mere", "Ngata", "1988-03-14"), (result.GetProperty("firstName").GetString(), result.GetProperty("middleName").GetString(), result.GetProperty("lastName").GetString(), result.GetProperty("dateOfBirth").GetString()));
        Assert.Equal(
            [("firstName", "Yes"), ("middleName", "Yes"), ("lastName", "Yes"), ("dateOfBirth", "Yes"), ("licenceNo", "Yes")],
            result.GetProperty("fields").EnumerateObject().Select(f => (f.Name, f.Value.GetString())));
    }

    [Theory]
    [InlineData("DI100006", "78", "Hannah", "Grace", "Taylor", "1995-05-05")] // the version as an integer: 078
    [InlineData("di100007", "\"150\"", "TANE", null, "pomare", "1980-12-25")] // case, macrons, no middle name given
    public async Task Numbers_versions_and_names_are_compared_as_registers_do(string number, string version, string first, string? middle, string last, string born)
    {
        var user = await GraphUser.CreateAsync(app);

        var result = (await CheckAsync(user, Body(number, version, first, middle, last, born))).GetProperty("driversLicence")[0];

        Assert.True(result.GetProperty("verified").GetBoolean(), result.ToString());
        Assert.Equal(middle is not null, result.GetProperty("fields").TryGetProperty("middleName", out _));
        Assert.Equal(middle is not null, result.TryGetProperty("middleName", out _));
    }

    [Fact]
    public async Task Details_that_do_not_match_are_named_and_the_licence_is_not_verified()
    {
        var user = await GraphUser.CreateAsync(app);

        var answer = await CheckAsync(user, Body(last: "Smith", born: "1988-03-15"));

        Assert.False(answer.GetProperty("safeHarbour").GetBoolean());
        var result = answer.GetProperty("driversLicence")[0];
        Assert.Equal((1, "N1", false, "Unmatched: lastName, dateOfBirth"), (result.GetProperty("status").GetInt32(), result.GetProperty("safeHarbourScore").GetString(), result.GetProperty("verified").GetBoolean(), result.GetProperty("statusMessage").GetString()));
        Assert.Equal(("Yes", "No", "No", "Yes"), (result.GetProperty("fields").GetProperty("firstName").GetString(), result.GetProperty("fields").GetProperty("lastName").GetString(), result.GetProperty("fields").GetProperty("dateOfBirth").GetString(), result.GetProperty("fields").GetProperty("licenceNo").GetString()));
    }

    [Fact]
    public async Task A_middle_name_alone_not_matching_keeps_safe_harbour_but_not_verified()
    {
        var user = await GraphUser.CreateAsync(app);

        var answer = await CheckAsync(user, Body(middle: "Anne"));

        Assert.True(answer.GetProperty("safeHarbour").GetBoolean());
        var result = answer.GetProperty("driversLicence")[0];
        Assert.Equal((1, "M1", false, "Unmatched: middleName"), (result.GetProperty("status").GetInt32(), result.GetProperty("safeHarbourScore").GetString(), result.GetProperty("verified").GetBoolean(), result.GetProperty("statusMessage").GetString()));
    }

    [Theory]
    [InlineData("DI100001", "\"102\"", "Unmatched: licenceNo")] // another version than the current card's
    [InlineData("AB123456", "\"101\"", "Unmatched: firstName, middleName, lastName, dateOfBirth, licenceNo")] // no such licence
    public async Task A_wrong_version_or_an_unknown_licence_does_not_match(string number, string version, string message)
    {
        var user = await GraphUser.CreateAsync(app);

        var result = (await CheckAsync(user, Body(number, version))).GetProperty("driversLicence")[0];

        Assert.Equal((1, false, message), (result.GetProperty("status").GetInt32(), result.GetProperty("verified").GetBoolean(), result.GetProperty("statusMessage").GetString()));
        Assert.Equal("No", result.GetProperty("fields").GetProperty("licenceNo").GetString());
    }

    [Theory]
    [InlineData("DI100004", "118", "Thomas", "Edward", "Clarke", "1969-01-30", "expired")]
    [InlineData("DI100005", "402", "Sione", "Tupou", "Fifita", "2001-09-09", "suspended")]
    public async Task A_licence_that_is_not_current_is_never_verified(string number, string version, string first, string middle, string last, string born, string status)
    {
        var user = await GraphUser.CreateAsync(app);

        var answer = await CheckAsync(user, Body(number, version, first, middle, last, born));

        Assert.False(answer.GetProperty("safeHarbour").GetBoolean());
        var result = answer.GetProperty("driversLicence")[0];
        Assert.Equal((2, "N1", false, $"Licence not current: {status}"), (result.GetProperty("status").GetInt32(), result.GetProperty("safeHarbourScore").GetString(), result.GetProperty("verified").GetBoolean(), result.GetProperty("statusMessage").GetString()));
    }

    [Fact]
    public async Task Every_sandbox_driver_licence_identity_is_verified_with_its_own_details()
    {
        var user = await GraphUser.CreateAsync(app);

        foreach (var identity in SandboxIdentities.All.Where(i => i.Source == DocumentSources.NzDriverLicence))
        {
            var result = (await CheckAsync(user, Body(identity.Number, $"\"{identity.Version}\"", identity.FirstGivenName, identity.MiddleNames, identity.LastName, identity.DateOfBirth)))
                .GetProperty("driversLicence")[0];
            Assert.Equal(identity.Status == RecordStatus.Current, result.GetProperty("verified").GetBoolean());
        }
    }

    [Theory]
    [InlineData("""{"driversLicenceConsentObtained":false}""", "driversLicenceConsentObtained")]
    [InlineData("""{"driversLicenceConsentObtained":"true"}""", "driversLicenceConsentObtained")]
    [InlineData("""{}""", "driversLicenceConsentObtained")]
    [InlineData("""{}""", "firstName")]
    [InlineData("""{}""", "lastName")]
    [InlineData("""{}""", "dateOfBirth")]
    [InlineData("""{}""", "driversLicenceNo")]
    [InlineData("""{}""", "driversLicenceVersion")]
    [InlineData("""{"firstName":7}""", "firstName")]
    [InlineData("""{"middleName":["x"]}""", "middleName")]
    [InlineData("""{"dateOfBirth":"14/03/1988"}""", "dateOfBirth")]
    [InlineData("""{"dateOfBirth":"2099-01-01"}""", "dateOfBirth")]
    [InlineData("""{"driversLicenceNo":"A1234567"}""", "driversLicenceNo")]
    [InlineData("""{"driversLicenceNo":"AB12345"}""", "driversLicenceNo")]
    [InlineData("""{"driversLicenceNo":"ABC23456"}""", "driversLicenceNo")]
    [InlineData("""{"driversLicenceVersion":"35"}""", "driversLicenceVersion")]
    [InlineData("""{"driversLicenceVersion":"3540"}""", "driversLicenceVersion")]
    [InlineData("""{"driversLicenceVersion":1000}""", "driversLicenceVersion")]
    [InlineData("""{"driversLicenceVersion":-1}""", "driversLicenceVersion")]
    [InlineData("""{"driversLicenceVersion":"abc"}""", "driversLicenceVersion")]
    [InlineData("""{"dataSources":["DIA Passport"]}""", "dataSources")]
    [InlineData("""{"dataSources":"NZTA Drivers License"}""", "dataSources")]
    public async Task A_bad_request_is_a_400_naming_the_field(string body, string field)
    {
        var user = await GraphUser.CreateAsync(app);
        var merged = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Body())!;
        foreach (var (name, value) in JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(body)!)
        {
            merged[name] = value;
        }
        if (body == "{}")
        {
            merged.Remove(field);
        }

        var error = await (await app.SendJsonTextAsync(HttpMethod.Post, Path, JsonSerializer.Serialize(merged), user.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Equal([field], error.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task A_register_that_does_not_answer_is_a_502_naming_it()
    {
        var user = await GraphUser.CreateAsync(app);

        var error = await (await app.SendJsonTextAsync(HttpMethod.Post, Path, Body(SandboxIdentities.UnavailableNumber), user.Bearer)).AssertErrorAsync(HttpStatusCode.BadGateway, "provider_failed");

        Assert.Contains("driver licence register (sandbox)", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Checks_for_an_organisation_are_charged_refunded_when_the_register_fails_audited_as_hmacs_and_refused_to_outsiders()
    {
        await app.StartMeteringAsync();
        var org = await app.FundedOrgAsync();
        var member = await app.NewMemberAsync(org);
        var other = await app.CreateOrgAsync();
        var stranger = await GraphUser.CreateAsync(app);

        await CheckAsync(member, Body(), $"?org_id={org.Id}");
        await (await app.SendJsonTextAsync(HttpMethod.Post, $"{Path}?org_id={org.Id}", Body(SandboxIdentities.UnavailableNumber), org.Admin.Bearer))
            .AssertErrorAsync(HttpStatusCode.BadGateway, "provider_failed");
        var unknown = await (await app.SendJsonTextAsync(HttpMethod.Post, $"{Path}?org_id={Guid.NewGuid()}", Body(), stranger.Bearer))
            .AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found");
        foreach (var outsider in new[] { other.Admin, stranger })
        {
            var denied = await (await app.SendJsonTextAsync(HttpMethod.Post, $"{Path}?org_id={org.Id}", Body(), outsider.Bearer))
                .AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found");
            Assert.Equal(unknown.GetProperty("message").GetString(), denied.GetProperty("message").GetString());
        }
        await (await app.SendJsonTextAsync(HttpMethod.Post, Path, Body())).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");

        Assert.Equal(98m, await app.CreditsAsync(org));
        var done = Assert.Single(await app.AuditOfAsync(member.Id, AuditEventTypes.DriverLicenceCheck));
        Assert.Equal(("verified", "driver_licence", "Credits"), (done.GetProperty("outcome").GetString(), done.GetProperty("check").GetString(), done.GetProperty("settlement").GetString()));
        Assert.Matches("^[0-9a-f]{64}$", done.GetProperty("licence_hmac").GetString());
        Assert.Matches("^[0-9a-f]{64}$", done.GetProperty("subject_hmac").GetString());
        foreach (var personal in new[] { "DI100001", "Ngata", "1988" })
        {
            Assert.DoesNotContain(personal, done.ToString(), StringComparison.OrdinalIgnoreCase);
        }
        var failed = Assert.Single(await app.AuditOfAsync(org.Admin.Id, AuditEventTypes.DriverLicenceCheck));
        Assert.Equal(("provider_failed", true), (failed.GetProperty("outcome").GetString(), failed.GetProperty("refunded").GetBoolean()));
    }

    [Fact]
    public async Task An_organisation_without_credit_gets_402_and_the_register_is_not_asked()
    {
        await app.StartMeteringAsync();
        var org = await app.CreateOrgAsync();

        await (await app.SendJsonTextAsync(HttpMethod.Post, $"{Path}?org_id={org.Id}", Body(), org.Admin.Bearer))
            .AssertErrorAsync(HttpStatusCode.PaymentRequired, "insufficient_credit");

        var refused = Assert.Single(await app.AuditOfAsync(org.Admin.Id, AuditEventTypes.DriverLicenceCheck));
        Assert.Equal("insufficient_credit", refused.GetProperty("outcome").GetString());
    }

    private async Task<JsonElement> CheckAsync(GraphUser user, string body, string query = "") =>
        await (await app.SendJsonTextAsync(HttpMethod.Post, $"{Path}{query}", body, user.Bearer)).AssertOkAsync();
}
