using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Raytio.Server.Features.ApplicationRequests;
using Raytio.Server.Features.Audit;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Organizations;

/// <summary>Operation 13: creating an application request, its email and its audit event.</summary>
public sealed class ApplicationRequestCreateTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task Created_request_answers_the_reference_shape_and_emails_the_link_with_the_short_code()
    {
        var org = await app.CreateOrgAsync("Acme Receivers");
        var email = RaytioFactory.NewEmail();
        var answer = await app.CreateRequestAsync(org, body: ApplicationRequestSeed.Body(email.ToUpperInvariant()));

        Assert.Equal(
            ["email", "page_link", "a_id", "aa_name", "request_short_code", "state", "owner", "date_created"],
            answer.EnumerateObject().Select(p => p.Name));
        Assert.Equal(email, answer.GetProperty("email").GetString());
        Assert.Equal(ApplicationRequestSeed.PageLink, answer.GetProperty("page_link").GetString());
        Assert.Equal("c14fcbf2-9c47-45af-acc2-8a484656a321", answer.GetProperty("a_id").GetString());
        Assert.Equal("My app", answer.GetProperty("aa_name").GetString());
        Assert.Matches("^[a-z0-9]{10}$", answer.ShortCode());
        Assert.Equal("sent", answer.GetProperty("state").GetString());
        Assert.Equal(org.Admin.Id, answer.GetProperty("owner").GetGuid());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$", answer.GetProperty("date_created").GetString());

        var stored = await app.WithDbAsync(db => db.ApplicationRequests.SingleAsync(r => r.ShortCode == answer.ShortCode()));
        Assert.Equal(org.Id, stored.OrganizationId);
        Assert.Equal("https://app.rayt.io/org/requests", stored.Source);

        var mail = Assert.Single(await app.MailsToAsync(email));
        Assert.Contains("Acme Receivers", mail, StringComparison.Ordinal);
        Assert.Contains("\"My app\"", mail, StringComparison.Ordinal);
        Assert.Contains($"{ApplicationRequestSeed.PageLink}&request_short_code={answer.ShortCode()}", mail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_creates_and_the_audit_event_carries_the_short_code_and_an_email_hmac()
    {
        var org = await app.CreateOrgAsync();
        var member = await app.NewMemberAsync(org);
        var email = RaytioFactory.NewEmail();
        var answer = await app.CreateRequestAsync(org, member.Bearer, ApplicationRequestSeed.Body(email, aaName: null));

        Assert.Equal(member.Id, answer.GetProperty("owner").GetGuid());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("aa_name").ValueKind);
        var recorded = await app.WithDbAsync(db => db.AuditEvents
            .SingleAsync(e => e.EventType == AuditEventTypes.ApplicationRequestCreate && e.SubjectId == org.Id));
        Assert.Equal(member.Id, recorded.UserId);
        var details = JsonDocument.Parse(recorded.EventJson).RootElement;
        Assert.Equal(answer.ShortCode(), details.GetProperty("request_short_code").GetString());
        Assert.Matches("^[0-9a-f]{64}$", details.GetProperty("email_hmac").GetString());
        Assert.DoesNotContain(email, recorded.EventJson, StringComparison.Ordinal);
        Assert.Contains("asks you to complete an access application on Raytio", Assert.Single(await app.MailsToAsync(email)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_references_page_link_with_its_form_description_is_accepted_as_given()
    {
        const string pageLink = """https://app.rayt.io/form/705faae0-ab27-41e2-971e-d85da6329c0f?pages=[{\"name\":\"Identity Document\",\"schemas\":[\"ss_NZ_Passport_19\"],\"filter\":\"anyOf\"}]""";
        var org = await app.CreateOrgAsync();
        var email = RaytioFactory.NewEmail();
        var answer = await app.CreateRequestAsync(org, body: ApplicationRequestSeed.Body(email, pageLink));

        Assert.Equal(pageLink, answer.GetProperty("page_link").GetString());
        Assert.Contains($"{pageLink}&request_short_code={answer.ShortCode()}", Assert.Single(await app.MailsToAsync(email)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://a.example/form", "https://a.example/form?request_short_code=c")]
    [InlineData("https://a.example/form?x=1", "https://a.example/form?x=1&request_short_code=c")]
    [InlineData("https://a.example/form?", "https://a.example/form?request_short_code=c")]
    [InlineData("https://a.example/form?x=1&", "https://a.example/form?x=1&request_short_code=c")]
    [InlineData("https://a.example/form#step-2", "https://a.example/form?request_short_code=c#step-2")]
    [InlineData("https://a.example/form?x=1#step?2", "https://a.example/form?x=1&request_short_code=c#step?2")]
    public void The_link_adds_the_short_code_to_the_query_and_keeps_the_rest(string pageLink, string link) =>
        Assert.Equal(link, ApplicationRequestEmails.LinkOf(pageLink, "c"));

    [Theory]
    [InlineData("""{"page_link":"https://a.example","source":"s"}""", "email")]
    [InlineData("""{"email":"not-an-email","page_link":"https://a.example","source":"s"}""", "email")]
    [InlineData("""{"email":"a@b.co","source":"s"}""", "page_link")]
    [InlineData("""{"email":"a@b.co","page_link":"javascript:alert(1)","source":"s"}""", "page_link")]
    [InlineData("""{"email":"a@b.co","page_link":"ftp://a.example/x","source":"s"}""", "page_link")]
    [InlineData("""{"email":"a@b.co","page_link":"/form/relative","source":"s"}""", "page_link")]
    [InlineData("""{"email":"a@b.co","page_link":"https://bank.example@evil.example/","source":"s"}""", "page_link")]
    [InlineData("""{"email":"a@b.co","page_link":"https://a.example"}""", "source")]
    [InlineData("""{"email":"a@b.co","page_link":"https://a.example","source":"  "}""", "source")]
    [InlineData("""{"email":"a@b.co","page_link":"https://a.example","source":5}""", "source")]
    [InlineData("""{"email":"a@b.co","page_link":"https://a.example","source":"s","a_id":"x12345678901234567890123456789012345678901234567890123456789012345"}""", "a_id")]
    public async Task Bad_bodies_are_400_naming_the_field_and_create_nothing(string body, string field)
    {
        var org = await app.CreateOrgAsync();
        var response = await app.SendJsonTextAsync(HttpMethod.Post, org.RequestsPath(), body, org.Admin.Bearer);

        var error = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(error.GetProperty("errors").TryGetProperty(field, out _), error.GetRawText());
        Assert.Equal(0, await app.WithDbAsync(db => db.ApplicationRequests.CountAsync(r => r.OrganizationId == org.Id)));
    }

    [Fact]
    public async Task Limits_are_enforced_on_page_link_source_and_aa_name()
    {
        var org = await app.CreateOrgAsync();
        var longLink = "https://a.example/?q=" + new string('a', ApplicationRequestBody.MaxPageLinkLength);
        var response = await app.PostJsonAsync(org.RequestsPath(), new
        {
            email = "a@b.co",
            page_link = longLink,
            source = new string('s', ApplicationRequestBody.MaxSourceLength + 1),
            aa_name = new string('n', ApplicationRequestBody.MaxAaNameLength + 1),
        }, org.Admin.Bearer);

        var errors = (await response.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors");
        Assert.Equal(["aa_name", "page_link", "source"], errors.EnumerateObject().Select(p => p.Name).Order());

        var atLimit = await app.CreateRequestAsync(org, body: new
        {
            email = "a@b.co",
            page_link = longLink[..ApplicationRequestBody.MaxPageLinkLength],
            source = new string('s', ApplicationRequestBody.MaxSourceLength),
            aa_name = new string('n', ApplicationRequestBody.MaxAaNameLength),
        });
        Assert.Equal(ApplicationRequestBody.MaxPageLinkLength, atLimit.GetProperty("page_link").GetString()!.Length);
    }

    [Fact]
    public async Task Short_codes_differ_between_requests_and_organisations()
    {
        var first = await app.CreateOrgAsync();
        var second = await app.CreateOrgAsync();
        var codes = new List<string>();
        foreach (var org in new[] { first, second, first, second })
        {
            codes.Add((await app.CreateRequestAsync(org)).ShortCode());
        }
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [Fact]
    public async Task A_short_code_already_taken_is_replaced_by_a_new_one_and_only_one_email_goes_out()
    {
        var org = await app.CreateOrgAsync();
        var taken = (await app.CreateRequestAsync(org)).ShortCode();
        var email = RaytioFactory.NewEmail();
        var codes = new Queue<string>([taken, taken, "fresh" + taken[5..]]);

        await using var scope = app.Services.CreateAsyncScope();
        var creation = scope.ServiceProvider.GetRequiredService<ApplicationRequestCreation>();
        creation.NewShortCode = codes.Dequeue;
        var answer = await creation.CreateAsync(org.Admin.Id, org.Id.ToString(), new ApplicationRequestBody(email, ApplicationRequestSeed.PageLink, "s"), CancellationToken.None);

        Assert.Equal("fresh" + taken[5..], answer.RequestShortCode);
        Assert.NotEqual(email, (await app.WithDbAsync(db => db.ApplicationRequests.SingleAsync(r => r.ShortCode == taken))).Email);
        Assert.Contains($"request_short_code={answer.RequestShortCode}", Assert.Single(await app.MailsToAsync(email)), StringComparison.Ordinal);
        var created = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.EventType == AuditEventTypes.ApplicationRequestCreate && e.SubjectId == org.Id).Select(e => e.EventJson).ToListAsync());
        Assert.Single(created, e => e.Contains(answer.RequestShortCode, StringComparison.Ordinal));
    }
}
