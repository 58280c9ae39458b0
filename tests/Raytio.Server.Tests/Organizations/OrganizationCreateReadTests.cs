using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Features.Graph;
using Raytio.Server.Features.Organizations;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Organizations;

/// <summary>Operations 7, 8 and 11: creating an organisation and reading it back.</summary>
public sealed class OrganizationCreateReadTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task Created_organisation_answers_the_reference_shape_with_its_id_and_a_customer()
    {
        var admin = await GraphUser.CreateAsync(app);
        var answer = await (await app.PostJsonAsync("/org/v1/organizations", OrgSeed.Body(), admin.Bearer)).AssertOkAsync();

        Assert.Equal("Test Organization 5", answer.GetProperty("name").GetString());
        Assert.Equal("hello@rayt.io", answer.GetProperty("email").GetString());
        Assert.Equal("123 drake st", answer.GetProperty("address")[0].GetProperty("street1").GetString());
        var customer = answer.GetProperty("customer");
        Assert.Matches("^cus_[0-9A-Za-z]{14}$", customer.GetProperty("id").GetString());
        Assert.False(customer.GetProperty("delinquent").GetBoolean());
        Assert.Equal(JsonValueKind.Null, customer.GetProperty("invoice_settings").GetProperty("default_payment_method").ValueKind);

        var orgId = answer.GetProperty("org_id").GetGuid();
        var read = System.Text.Json.Nodes.JsonNode.Parse((await (await app.GetAsync($"/org/v1/organizations/{orgId}", admin.Bearer)).AssertOkAsync()).GetRawText())!.AsObject();
        // Operation 11 adds the organisation's short links (none yet) to 8's answer.
        Assert.Empty(read["links"]!.AsArray());
        read.Remove("links");
        Assert.Equal(answer.GetRawText(), read.ToJsonString());
    }

    [Fact]
    public async Task Creator_is_the_administrator_and_the_members_group_holds_them()
    {
        var org = await app.CreateOrgAsync();
        var (role, belongs) = await app.WithDbAsync(async db =>
        {
            var organization = await db.Organizations.SingleAsync(o => o.Id == org.Id);
            var userNode = await db.GraphNodes.Where(n => n.Key == org.Admin.Id).Select(n => n.Id).SingleAsync();
            var member = await db.OrganizationMembers.SingleAsync(m => m.OrganizationId == org.Id);
            var edge = await db.GraphRelationships.AnyAsync(r => r.StartId == userNode && r.EndId == organization.GroupNodeId && r.Type == RelationshipTypes.BelongsTo);
            return (member.Role, edge);
        });
        Assert.Equal(OrganizationRole.Admin, role);
        Assert.True(belongs);
    }

    [Fact]
    public async Task List_names_the_callers_organisations_in_order()
    {
        var admin = await GraphUser.CreateAsync(app);
        var first = await app.CreateOrgAsync(admin, "First");
        var second = await app.CreateOrgAsync(admin, "Second");
        var list = await (await app.GetAsync("/org/v1/organizations", admin.Bearer)).AssertOkAsync();

        Assert.Equal(admin.Id, list.GetProperty("user").GetGuid());
        Assert.Equal([first.Id, second.Id], list.GetProperty("organizations").EnumerateArray().Select(e => e.GetGuid()));
        Assert.Equal($"Organizations assigned to the user {admin.Id} : {first.Id},{second.Id}.", list.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Members_read_and_outsiders_get_the_same_404_as_for_an_unknown_organisation()
    {
        var org = await app.CreateOrgAsync();
        var member = await app.NewMemberAsync(org);
        var outsider = await GraphUser.CreateAsync(app);

        await (await app.GetAsync(org.Path, member.Bearer)).AssertOkAsync();
        var hidden = await app.GetAsync(org.Path, outsider.Bearer);
        var unknown = await app.GetAsync($"/org/v1/organizations/{Guid.NewGuid()}", outsider.Bearer);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(await unknown.Content.ReadAsStringAsync(), await hidden.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.GetAsync(org.Path)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.GetAsync("/org/v1/organizations/not-a-guid", member.Bearer)).StatusCode);
    }

    [Theory]
    [InlineData("""{"email":"a@b.co"}""", "name")]
    [InlineData("""{"name":"X"}""", "email")]
    [InlineData("""{"name":"X","email":"not-an-email"}""", "email")]
    [InlineData("""{"name":"X","email":"a@b.co","address":{"city":"x"}}""", "address")]
    [InlineData("""{"name":"X","email":"a@b.co","address":[{"city":{"nested":1}}]}""", "address[0].city")]
    [InlineData("""{"name":"X","email":"a@b.co","customer":{"balance":5}}""", "customer.balance")]
    [InlineData("""{"name":"X","email":"a@b.co","customer":{"invoice_settings":{"default_payment_method":"pm_123"}}}""", "customer.invoice_settings.default_payment_method")]
    public async Task Bad_bodies_are_400_naming_the_field_and_create_nothing(string body, string field)
    {
        var admin = await GraphUser.CreateAsync(app);
        var before = await app.WithDbAsync(db => db.Organizations.CountAsync());
        var response = await app.SendJsonTextAsync(HttpMethod.Post, "/org/v1/organizations", body, admin.Bearer);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.Organizations.CountAsync()));
    }

    [Fact]
    public async Task Group_operations_cannot_change_an_organisations_members()
    {
        var org = await app.CreateOrgAsync();
        var member = await app.NewMemberAsync(org);
        var leave = await app.SendAsync(HttpMethod.Delete, $"/db/v1/groups/{org.Id}/users/{member.Id}", null, member.Bearer);

        Assert.Equal(HttpStatusCode.Forbidden, leave.StatusCode);
        Assert.Contains("organization_group", await leave.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
