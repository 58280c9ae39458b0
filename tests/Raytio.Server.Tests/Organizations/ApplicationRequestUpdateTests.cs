using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Raytio.Server.Features.ApplicationRequests;
using Raytio.Server.Features.Audit;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Organizations;

/// <summary>Operation 15 (change, resend, delete) and completion by the sharing issue.</summary>
public sealed class ApplicationRequestUpdateTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task A_patch_changes_only_the_fields_it_carries_and_sends_nothing()
    {
        var org = await app.CreateOrgAsync();
        var email = RaytioFactory.NewEmail();
        var created = await app.CreateRequestAsync(org, body: ApplicationRequestSeed.Body(email));
        var member = await app.NewMemberAsync(org);

        var changed = await (await app.PatchRequestAsync(org, created.ShortCode(), new { page_link = "https://b.example/form", aa_name = "" }, member.Bearer)).AssertOkAsync();

        Assert.Equal("https://b.example/form", changed.GetProperty("page_link").GetString());
        Assert.Equal(JsonValueKind.Null, changed.GetProperty("aa_name").ValueKind);
        Assert.Equal(email, changed.GetProperty("email").GetString());
        Assert.Equal(created.GetProperty("a_id").GetString(), changed.GetProperty("a_id").GetString());
        Assert.Equal(created.GetProperty("date_created").GetString(), changed.GetProperty("date_created").GetString());
        Assert.Equal(org.Admin.Id, changed.GetProperty("owner").GetGuid());
        Assert.Equal("sent", changed.GetProperty("state").GetString());
        Assert.Single(await app.MailsToAsync(email));
        var listed = await (await app.GetAsync(org.RequestsPath(), member.Bearer)).AssertOkAsync();
        Assert.Equal(changed.GetRawText(), listed[0].GetRawText());
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.EventType == AuditEventTypes.ApplicationRequestUpdate && e.SubjectId == org.Id && e.UserId == member.Id)));
    }

    [Fact]
    public async Task Resend_emails_the_changed_address_again_and_the_state_returns_to_sent()
    {
        var org = await app.CreateOrgAsync();
        var first = RaytioFactory.NewEmail();
        var created = await app.CreateRequestAsync(org, body: ApplicationRequestSeed.Body(first));
        var second = RaytioFactory.NewEmail();

        var resent = await (await app.PatchRequestAsync(org, created.ShortCode(), new { email = second, state = "resend" }, org.Admin.Bearer)).AssertOkAsync();

        Assert.Equal("sent", resent.GetProperty("state").GetString());
        Assert.Equal(second, resent.GetProperty("email").GetString());
        Assert.Single(await app.MailsToAsync(first));
        Assert.Contains($"request_short_code={created.ShortCode()}", Assert.Single(await app.MailsToAsync(second)), StringComparison.Ordinal);
        await (await app.PatchRequestAsync(org, created.ShortCode(), new { state = "resend" }, org.Admin.Bearer)).AssertOkAsync();
        Assert.Equal(2, (await app.MailsToAsync(second)).Count);
    }

    [Fact]
    public async Task Deleted_removes_the_request_answers_it_as_deleted_and_then_it_is_unknown()
    {
        var org = await app.CreateOrgAsync();
        var created = await app.CreateRequestAsync(org);
        var code = created.ShortCode();

        var deleted = await (await app.PatchRequestAsync(org, code, new { state = "deleted" }, org.Admin.Bearer)).AssertOkAsync();

        Assert.Equal("deleted", deleted.GetProperty("state").GetString());
        Assert.Equal(code, deleted.ShortCode());
        Assert.False(await app.WithDbAsync(db => db.ApplicationRequests.AnyAsync(r => r.ShortCode == code)));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.EventType == AuditEventTypes.ApplicationRequestDelete && e.SubjectId == org.Id)));
        Assert.Equal(0, (await (await app.GetAsync(org.RequestsPath(), org.Admin.Bearer)).AssertOkAsync()).GetArrayLength());
        await (await app.PatchRequestAsync(org, code, new { state = "sent" }, org.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "application_request_not_found");
    }

    [Fact]
    public async Task Complete_is_set_by_the_sharing_service_and_then_cannot_be_sent_again()
    {
        var org = await app.CreateOrgAsync();
        var code = (await app.CreateRequestAsync(org)).ShortCode();
        var sharer = Guid.NewGuid();

        var completed = await CompleteAsync(code, sharer);
        Assert.Equal(ApplicationRequestStates.Complete, completed?.State);
        Assert.Equal(org.Id, completed?.OrganizationId);
        Assert.Equal(ApplicationRequestStates.Complete, (await CompleteAsync(code, sharer))?.State);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.EventType == AuditEventTypes.ApplicationRequestUpdate && e.UserId == sharer)));

        var listed = await (await app.GetAsync(org.RequestsPath(), org.Admin.Bearer)).AssertOkAsync();
        Assert.Equal("complete", listed[0].GetProperty("state").GetString());
        await (await app.PatchRequestAsync(org, code, new { state = "resend" }, org.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.Conflict, "application_request_complete");
        await (await app.PatchRequestAsync(org, code, new { state = "sent" }, org.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.Conflict, "application_request_complete");
        var renamed = await (await app.PatchRequestAsync(org, code, new { aa_name = "Renamed" }, org.Admin.Bearer)).AssertOkAsync();
        Assert.Equal("complete", renamed.GetProperty("state").GetString());
        await (await app.PatchRequestAsync(org, code, new { state = "deleted" }, org.Admin.Bearer)).AssertOkAsync();
        Assert.Null(await CompleteAsync(code, sharer));
    }

    [Fact]
    public async Task Completing_an_unknown_or_malformed_code_finds_nothing()
    {
        Assert.Null(await CompleteAsync("abcdefghij", Guid.NewGuid()));
        Assert.Null(await CompleteAsync("NOT-A-CODE", Guid.NewGuid()));
    }

    [Theory]
    [InlineData("""{"state":"complete"}""", "state")]
    [InlineData("""{"state":"archived"}""", "state")]
    [InlineData("""{"email":"not-an-email"}""", "email")]
    [InlineData("""{"email":""}""", "email")]
    [InlineData("""{"page_link":"javascript:alert(1)"}""", "page_link")]
    [InlineData("""{"source":""}""", "source")]
    [InlineData("""{"a_id":"   "}""", "a_id")]
    [InlineData("""{"state":1}""", "state")]
    public async Task Bad_patches_are_400_naming_the_field_and_change_nothing(string body, string field)
    {
        var org = await app.CreateOrgAsync();
        var created = await app.CreateRequestAsync(org);
        var response = await app.SendJsonTextAsync(HttpMethod.Patch, $"{org.RequestsPath()}/{created.ShortCode()}", body, org.Admin.Bearer);

        var error = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(error.GetProperty("errors").TryGetProperty(field, out _), error.GetRawText());
        var listed = await (await app.GetAsync(org.RequestsPath(), org.Admin.Bearer)).AssertOkAsync();
        Assert.Equal(created.GetRawText(), listed[0].GetRawText());
    }

    [Fact]
    public async Task Unknown_malformed_and_other_organisations_codes_are_the_same_404()
    {
        var org = await app.CreateOrgAsync();
        var other = await app.CreateOrgAsync();
        var theirs = (await app.CreateRequestAsync(other)).ShortCode();

        var bodies = new List<string>();
        foreach (var code in new[] { theirs, "abcdefghij", "NOT-A-CODE" })
        {
            var response = await app.PatchRequestAsync(org, code, new { state = "sent" }, org.Admin.Bearer);
            await response.AssertErrorAsync(HttpStatusCode.NotFound, "application_request_not_found");
            bodies.Add(await response.Content.ReadAsStringAsync());
        }
        Assert.Single(bodies.Distinct());
        Assert.Equal("sent", (await app.WithDbAsync(db => db.ApplicationRequests.SingleAsync(r => r.ShortCode == theirs))).State);
    }

    private async Task<ApplicationRequest?> CompleteAsync(string code, Guid sharer)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ApplicationRequestChanges>().CompleteAsync(code, sharer, CancellationToken.None);
    }
}
