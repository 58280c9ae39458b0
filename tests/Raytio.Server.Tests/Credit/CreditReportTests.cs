using System.Net;
using System.Text.Json;
using Raytio.Server.Features.Audit;
using Raytio.Server.Providers.Nzbn.Sandbox;
using Raytio.Server.Tests.Billing.Metering;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Organizations;
using Raytio.Server.Tests.OutsideChecks;

namespace Raytio.Server.Tests.Credit;

/// <summary>Operations 99 and 100 on the Sandbox bureau: every data set, validation, authorization, metering and audit.</summary>
public sealed class CreditReportTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    public static string Consumer(string first, string surname, string born, string reason = "CAPP", string consent = "true") => $$$"""
        {"ConsumerData":{"Addresses":[{"AddressLine1":"8 Dillon Bell RD","AddressType":"C","City":"Gisborne","Suburb":"Whataupoko","Country":"NZL"}],
          "Personal":{"DateOfBirth":"{{{born}}}","FirstName":"{{{first}}}","Gender":"M","Surname":"{{{surname}}}"}},
         "RequestDetails":{"AmountSought":5000,"ApplicantType":"P","EnquiryReason":"{{{reason}}}","ProductType":"PL","SubscriberReference":"ref-1","ConsentObtained":{{{consent}}}}}
        """;

    public static string Commercial(long number) => $$$"""{"CompanyNumber":{{{number}}},"RequestDetails":{"EnquiryReason":"CAPP","ConsentObtained":true}}""";

    [Theory]
    [InlineData("AROHA", "TESTCLEAN", "1985-04-12", "PaymentHistory", "Accept")]
    [InlineData("MICHAEL", "TESTDEFAULT", "1979-11-03", "Defaults", "Decline")]
    [InlineData("Sarah", "TestJudgment", "1990-02-20", "Judgments", "Refer")]
    [InlineData("PETER", "TESTINSOLVENT", "1972-08-30", "Insolvencies", "Decline")]
    [InlineData("MERE", "TESTDIRECTOR", "1968-06-15", "CompanyAffiliations", "Accept")]
    public async Task Each_test_subject_s_report_carries_its_data_set(string first, string surname, string born, string dataSet, string decision)
    {
        var user = await GraphUser.CreateAsync(app);

        var report = await ConsumerAsync(user, Consumer(first, surname, born));

        var sets = report.GetProperty("DataSets");
        var set = sets.GetProperty(dataSet);
        Assert.NotEmpty(set.ValueKind == JsonValueKind.Array ? set.EnumerateArray() : set.GetProperty("PaymentProfile").EnumerateArray());
        Assert.Equal(decision, sets.GetProperty("ApplicationDecision").GetProperty("Decision").GetString());
        Assert.True(report.GetProperty("ResponseDetails").GetProperty("IsSuccess").GetBoolean());
        Assert.Equal("Credit application", report.GetProperty("EnteredRequestDetails").GetProperty("EnquiryReasonDescription").GetString());
        Assert.Equal("Principal applicant", report.GetProperty("EnteredRequestDetails").GetProperty("ApplicantTypeDescription").GetString());
        Assert.Equal(surname, report.GetProperty("EnteredConsumerData").GetProperty("Personal").GetProperty("Surname").GetString());
        Assert.Contains("synthetic", report.GetProperty("ReportDisclaimer").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_defaulter_s_file_has_arrears_a_file_note_and_24_months_of_history_ending_last_month()
    {
        var user = await GraphUser.CreateAsync(app);

        var sets = (await ConsumerAsync(user, Consumer("MICHAEL", "TESTDEFAULT", "1979-11-03"))).GetProperty("DataSets");

        var history = sets.GetProperty("PaymentHistory").GetProperty("PaymentProfile").EnumerateArray().ToList();
        Assert.Equal(24, history.Count);
        var lastMonth = new DateOnly(app.Time.GetUtcNow().Year, app.Time.GetUtcNow().Month, 1).AddMonths(-1);
        Assert.Equal((lastMonth.Year, lastMonth.Month, "2"), (history[^1].GetProperty("Year").GetInt32(), history[^1].GetProperty("Month").GetInt32(), history[^1].GetProperty("PaymentStatus").GetString()));
        Assert.Single(sets.GetProperty("FileNotes").EnumerateArray());
        Assert.NotEmpty(sets.GetProperty("RedArrearsMonthList").EnumerateArray());
        Assert.Equal(642.15m, sets.GetProperty("Defaults")[0].GetProperty("CurrentDefaultBalance").GetDecimal());
    }

    [Fact]
    public async Task An_unknown_consumer_is_an_answer_with_no_match_and_no_data()
    {
        var user = await GraphUser.CreateAsync(app);

        var report = await ConsumerAsync(user, Consumer("NOBODY", "UNKNOWN", "1980-01-01"));

        Assert.Equal("NOMATCH", report.GetProperty("StatusMessages")[0].GetProperty("MessageCode").GetString());
        Assert.Empty(report.GetProperty("DataSets").GetProperty("Defaults").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, report.GetProperty("DataSets").GetProperty("ConsumerFile").ValueKind);
    }

    [Theory]
    [InlineData("""{"RequestDetails":{"EnquiryReason":"CAPP","ConsentObtained":true}}""", "ConsumerData")]
    [InlineData("""{"ConsumerData":{},"RequestDetails":{"EnquiryReason":"CAPP","ConsentObtained":true}}""", "ConsumerData.Personal")]
    [InlineData("""{"ConsumerData":{"Personal":{"FirstName":"A","DateOfBirth":"1980-01-01"}},"RequestDetails":{"EnquiryReason":"CAPP","ConsentObtained":true}}""", "ConsumerData.Personal.Surname")]
    [InlineData("""{"ConsumerData":{"Personal":{"FirstName":"A","Surname":"B"}},"RequestDetails":{"EnquiryReason":"CAPP","ConsentObtained":true}}""", "ConsumerData.Personal.DateOfBirth")]
    [InlineData("""{"ConsumerData":{"Personal":{"FirstName":"A","Surname":"B","DateOfBirth":"12/01/1980"}},"RequestDetails":{"EnquiryReason":"CAPP","ConsentObtained":true}}""", "ConsumerData.Personal.DateOfBirth")]
    [InlineData("""{"ConsumerData":{"Personal":{"FirstName":"A","Surname":"B","DateOfBirth":"2099-01-01"}},"RequestDetails":{"EnquiryReason":"CAPP","ConsentObtained":true}}""", "ConsumerData.Personal.DateOfBirth")]
    [InlineData("""{"ConsumerData":{"Personal":{"FirstName":"A","Surname":"B","DateOfBirth":"1980-01-01","Gender":"Q"}},"RequestDetails":{"EnquiryReason":"CAPP","ConsentObtained":true}}""", "ConsumerData.Personal.Gender")]
    [InlineData("""{"ConsumerData":{"Personal":{"FirstName":"A","Surname":"B","DateOfBirth":"1980-01-01"}}}""", "RequestDetails")]
    [InlineData("""{"ConsumerData":{"Personal":{"FirstName":"A","Surname":"B","DateOfBirth":"1980-01-01"}},"RequestDetails":{"ConsentObtained":true}}""", "RequestDetails.EnquiryReason")]
    [InlineData("""{"ConsumerData":{"Personal":{"FirstName":"A","Surname":"B","DateOfBirth":"1980-01-01"}},"RequestDetails":{"EnquiryReason":"NOSY","ConsentObtained":true}}""", "RequestDetails.EnquiryReason")]
    [InlineData("""{"ConsumerData":{"Personal":{"FirstName":"A","Surname":"B","DateOfBirth":"1980-01-01"}},"RequestDetails":{"EnquiryReason":"CAPP"}}""", "RequestDetails.ConsentObtained")]
    [InlineData("""{"ConsumerData":{"Personal":{"FirstName":"A","Surname":"B","DateOfBirth":"1980-01-01"}},"RequestDetails":{"EnquiryReason":"CAPP","ConsentObtained":false}}""", "RequestDetails.ConsentObtained")]
    [InlineData("""{"ConsumerData":{"Personal":{"FirstName":"A","Surname":"B","DateOfBirth":"1980-01-01"}},"RequestDetails":{"EnquiryReason":"CAPP","ConsentObtained":true,"ApplicantType":"Z"}}""", "RequestDetails.ApplicantType")]
    [InlineData("""{"ConsumerData":{"Personal":{"FirstName":"A","Surname":"B","DateOfBirth":"1980-01-01"}},"RequestDetails":{"EnquiryReason":"CAPP","ConsentObtained":true,"AmountSought":-1}}""", "RequestDetails.AmountSought")]
    public async Task A_bad_consumer_request_is_a_400_naming_the_field(string body, string field)
    {
        var user = await GraphUser.CreateAsync(app);

        var error = await (await app.SendJsonTextAsync(HttpMethod.Post, "/credit/v1/consumer", body, user.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.True(error.GetProperty("errors").TryGetProperty(field, out _), error.ToString());
    }

    [Theory]
    [InlineData("""{"RequestDetails":{"EnquiryReason":"CAPP","ConsentObtained":true}}""", "CompanyNumber")]
    [InlineData("""{"CompanyNumber":0,"RequestDetails":{"EnquiryReason":"CAPP","ConsentObtained":true}}""", "CompanyNumber")]
    [InlineData("""{"CompanyNumber":"abc","RequestDetails":{"EnquiryReason":"CAPP","ConsentObtained":true}}""", "CompanyNumber")]
    [InlineData("""{"CompanyNumber":9100001,"RequestDetails":{"ConsentObtained":true}}""", "RequestDetails.EnquiryReason")]
    [InlineData("""{"CompanyNumber":9100001,"RequestDetails":{"EnquiryReason":"CAPP"}}""", "RequestDetails.ConsentObtained")]
    [InlineData("""{"CompanyNumber":9100001}""", "RequestDetails")]
    public async Task A_bad_commercial_request_is_a_400_naming_the_field(string body, string field)
    {
        var user = await GraphUser.CreateAsync(app);

        var error = await (await app.SendJsonTextAsync(HttpMethod.Post, "/credit/v1/commercial", body, user.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.True(error.GetProperty("errors").TryGetProperty(field, out _), error.ToString());
    }

    [Fact]
    public async Task A_commercial_report_of_a_sandbox_company_agrees_with_its_nzbn_record()
    {
        var user = await GraphUser.CreateAsync(app);

        var clean = await CommercialAsync(user, 9_100_001);
        var troubled = await CommercialAsync(user, 9_100_004);

        var company = clean.GetProperty("CompanyDetails").GetProperty("Company");
        Assert.Equal(("KOWHAI TEST HOLDINGS LIMITED", 1000L, long.Parse(NzbnSandboxGenerator.NzbnOf(1), System.Globalization.CultureInfo.InvariantCulture)),
            (company.GetProperty("CompanyName").GetString(), company.GetProperty("TotalNumberOfShares").GetInt64(), company.GetProperty("NZBN").GetInt64()));
        Assert.Equal([600L, 300L, 100L], clean.GetProperty("CompanyDetails").GetProperty("CompanyShareParcels").EnumerateArray().Select(p => p.GetProperty("NumberOfShares").GetInt64()));
        Assert.Equal(2, clean.GetProperty("CompanyDetails").GetProperty("CompanyDirectors").GetArrayLength());
        Assert.Empty(clean.GetProperty("CentrixDefaults").EnumerateArray());
        Assert.Equal("Accept", clean.GetProperty("ScoreCard").GetProperty("Decision").GetString());
        foreach (var dataSet in new[] { "Insolvencies", "PublicNotices", "CentrixDefaults", "CentrixJudgments", "Notifications", "RedArrearsMonthList" })
        {
            Assert.NotEmpty(troubled.GetProperty(dataSet).EnumerateArray());
        }
        Assert.Equal(60, troubled.GetProperty("CompanyDetails").GetProperty("CompanyStatus").GetProperty("StatusCode").GetInt32());
        Assert.Equal("Decline", troubled.GetProperty("ScoreCard").GetProperty("Decision").GetString());
        Assert.Equal(clean.ToString().Length, (await CommercialAsync(user, 9_100_001)).ToString().Length);
    }

    [Fact]
    public async Task An_unknown_company_is_a_404_and_anonymous_callers_get_401()
    {
        var user = await GraphUser.CreateAsync(app);

        await (await app.SendJsonTextAsync(HttpMethod.Post, "/credit/v1/commercial", Commercial(1), user.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "company_not_found");
        await (await app.SendJsonTextAsync(HttpMethod.Post, "/credit/v1/commercial", Commercial(9_100_001))).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await app.SendJsonTextAsync(HttpMethod.Post, "/credit/v1/consumer", Consumer("A", "B", "1980-01-01"))).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Reports_for_an_organisation_are_charged_audited_without_the_subject_in_clear_and_refused_to_outsiders()
    {
        await app.StartMeteringAsync();
        var org = await app.FundedOrgAsync();
        var member = await app.NewMemberAsync(org);
        var other = await app.CreateOrgAsync();
        var stranger = await GraphUser.CreateAsync(app);

        await ConsumerAsync(member, Consumer("AROHA", "TESTCLEAN", "1985-04-12"), $"?org_id={org.Id}");
        await CommercialAsync(org.Admin, 9_100_004, $"?org_id={org.Id}");
        foreach (var outsider in new[] { other.Admin, stranger })
        {
            await (await app.SendJsonTextAsync(HttpMethod.Post, $"/credit/v1/consumer?org_id={org.Id}", Consumer("A", "B", "1980-01-01"), outsider.Bearer))
                .AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found");
            await (await app.SendJsonTextAsync(HttpMethod.Post, $"/credit/v1/commercial?org_id={org.Id}", Commercial(9_100_001), outsider.Bearer))
                .AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found");
        }

        Assert.Equal(96m, await app.CreditsAsync(org));
        var consumer = Assert.Single(await app.AuditOfAsync(member.Id, AuditEventTypes.CreditReportConsumer));
        Assert.Equal(("report", "credit_report_consumer", "CAPP"), (consumer.GetProperty("outcome").GetString(), consumer.GetProperty("check").GetString(), consumer.GetProperty("enquiry_reason").GetString()));
        Assert.Matches("^[0-9a-f]{64}$", consumer.GetProperty("subject_hmac").GetString());
        Assert.DoesNotContain("TESTCLEAN", consumer.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("1985", consumer.ToString(), StringComparison.Ordinal);
        var commercial = Assert.Single(await app.AuditOfAsync(org.Admin.Id, AuditEventTypes.CreditReportCommercial));
        Assert.Equal(("report", 9_100_004L), (commercial.GetProperty("outcome").GetString(), commercial.GetProperty("company_number").GetInt64()));
    }

    [Fact]
    public async Task An_organisation_without_credit_gets_402()
    {
        await app.StartMeteringAsync();
        var org = await app.CreateOrgAsync();

        await (await app.SendJsonTextAsync(HttpMethod.Post, $"/credit/v1/commercial?org_id={org.Id}", Commercial(9_100_001), org.Admin.Bearer))
            .AssertErrorAsync(HttpStatusCode.PaymentRequired, "insufficient_credit");
    }

    private async Task<JsonElement> ConsumerAsync(GraphUser user, string body, string query = "") =>
        await (await app.SendJsonTextAsync(HttpMethod.Post, $"/credit/v1/consumer{query}", body, user.Bearer)).AssertOkAsync();

    private async Task<JsonElement> CommercialAsync(GraphUser user, long number, string query = "") =>
        await (await app.SendJsonTextAsync(HttpMethod.Post, $"/credit/v1/commercial{query}", Commercial(number), user.Bearer)).AssertOkAsync();
}
