using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Billing;
using Raytio.Server.Features.Graph;
using Raytio.Server.Features.Organizations;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Organizations;

/// <summary>Operation 12: administrators update the organisation, its billing customer and its members group's name.</summary>
public sealed class OrganizationUpdateTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    private const string NewBody = """
        {"name":"Renamed Ltd","email":"billing@renamed.example","address":[{"location_type":"postal","city":"wellington"}],
         "customer":{"invoice_settings":{"default_payment_method":null}}}
        """;

    [Fact]
    public async Task Update_changes_the_organisation_its_customer_and_its_group_name_and_is_audited()
    {
        var org = await app.CreateOrgAsync();
        var answer = await (await app.UpdateOrgAsync(org, org.Admin.Bearer, NewBody)).AssertOkAsync();

        Assert.Equal(org.Id, answer.GetProperty("org_id").GetGuid());
        Assert.Equal("Renamed Ltd", answer.GetProperty("name").GetString());
        Assert.Equal("billing@renamed.example", answer.GetProperty("email").GetString());
        Assert.Equal("""[{"location_type":"postal","city":"wellington"}]""", answer.GetProperty("address").GetRawText());
        Assert.Matches("^cus_", answer.GetProperty("customer").GetProperty("id").GetString());
        var read = await (await app.GetAsync(org.Path, org.Admin.Bearer)).AssertOkAsync();
        Assert.Equal(answer.GetRawText(), read.GetRawText());

        var (customer, groupProperties) = await app.WithDbAsync(async db =>
        {
            var organization = await db.Organizations.SingleAsync(o => o.Id == org.Id);
            var customer = await db.BillingCustomers.SingleAsync(c => c.Id == organization.CustomerId);
            var group = await db.GraphNodes.SingleAsync(n => n.Id == organization.GroupNodeId);
            return (customer, group.PropertiesJson);
        });
        Assert.Equal(("Renamed Ltd", "billing@renamed.example"), (customer.Name, customer.Email));
        Assert.Equal("Renamed Ltd", JsonDocument.Parse(groupProperties).RootElement.GetProperty("name").GetString());
        var group = await (await app.GetAsync($"/db/v1/groups/{org.Id}", org.Admin.Bearer)).AssertOkAsync();
        Assert.Contains("Renamed Ltd", group.GetRawText(), StringComparison.Ordinal);

        var audit = Assert.Single(await app.OrgEventsAsync(org, AuditEventTypes.OrganizationUpdate));
        Assert.Equal(org.Admin.Id, audit.UserId);
        Assert.Contains("name_hmac", audit.EventJson, StringComparison.Ordinal);
        Assert.DoesNotContain("Renamed", audit.EventJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_sent_back_as_the_body_is_accepted_and_changes_nothing()
    {
        var org = await app.CreateOrgAsync();
        var read = await (await app.GetAsync(org.Path, org.Admin.Bearer)).AssertOkAsync();
        var withLinks = JsonSerializer.Serialize(JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(read.GetRawText())!
            .Append(new("links", JsonDocument.Parse("[]").RootElement)).ToDictionary());

        var again = await (await app.UpdateOrgAsync(org, org.Admin.Bearer, withLinks)).AssertOkAsync();

        Assert.Equal(read.GetRawText(), again.GetRawText());
    }

    [Fact]
    public async Task Leaving_out_the_address_clears_it()
    {
        var org = await app.CreateOrgAsync();
        var answer = await (await app.UpdateOrgAsync(org, org.Admin.Bearer, """{"name":"Bare","email":"a@b.co"}""")).AssertOkAsync();

        Assert.Equal("[]", answer.GetProperty("address").GetRawText());
    }

    [Theory]
    [InlineData("""{"email":"a@b.co"}""", "name")]
    [InlineData("""{"name":"X"}""", "email")]
    [InlineData("""{"name":"X","email":"not-an-email"}""", "email")]
    [InlineData("""{"name":"X","email":"a@b.co","address":"here"}""", "address")]
    [InlineData("""{"name":"X","email":"a@b.co","address":[{"city":5}]}""", "address[0].city")]
    [InlineData("""{"name":"X","email":"a@b.co","customer":{"name":"Y"}}""", "customer.name")]
    [InlineData("""{"name":"X","email":"a@b.co","customer":{"invoice_settings":{"default_payment_method":"pm_1"}}}""", "customer.invoice_settings.default_payment_method")]
    public async Task Bad_bodies_are_400_naming_the_field_and_change_nothing(string body, string field)
    {
        var org = await app.CreateOrgAsync();
        var before = await (await app.GetAsync(org.Path, org.Admin.Bearer)).AssertOkAsync();
        var response = await app.UpdateOrgAsync(org, org.Admin.Bearer, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var after = await (await app.GetAsync(org.Path, org.Admin.Bearer)).AssertOkAsync();
        Assert.Equal(before.GetRawText(), after.GetRawText());
        Assert.Empty(await app.OrgEventsAsync(org, AuditEventTypes.OrganizationUpdate));
    }

    [Fact]
    public async Task Only_administrators_update_and_others_learn_nothing()
    {
        var org = await app.CreateOrgAsync();
        var member = await app.NewMemberAsync(org);
        var otherAdmin = (await app.CreateOrgAsync()).Admin;
        var outsider = await Graph.GraphUser.CreateAsync(app);
        var unknown = org with { Id = Guid.NewGuid() };

        await (await app.UpdateOrgAsync(org, member.Bearer, NewBody)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        var hidden = await (await app.UpdateOrgAsync(org, otherAdmin.Bearer, NewBody)).AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found");
        await (await app.UpdateOrgAsync(org, outsider.Bearer, NewBody)).AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found");
        var missing = await (await app.UpdateOrgAsync(unknown, org.Admin.Bearer, NewBody)).AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found");
        Assert.Equal(missing.GetRawText(), hidden.GetRawText());
        await (await app.UpdateOrgAsync(org, null, NewBody)).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        var malformed = await app.SendJsonTextAsync(HttpMethod.Put, "/org/v1/organizations/not-a-guid", NewBody, org.Admin.Bearer);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains(OrganizationAccess.RouteField, await malformed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var read = await (await app.GetAsync(org.Path, member.Bearer)).AssertOkAsync();
        Assert.Equal("Test Organization 5", read.GetProperty("name").GetString());
        Assert.Empty(await app.OrgEventsAsync(org, AuditEventTypes.OrganizationUpdate));
    }
}
