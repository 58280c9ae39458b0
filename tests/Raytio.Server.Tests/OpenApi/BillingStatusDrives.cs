using System.Text;
using Raytio.Server.Features.Billing.Embedded;
using Raytio.Server.Tests.Billing;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Organizations;

namespace Raytio.Server.Tests.OpenApi;

/// <summary>Drives every outcome of the billing operations (19-25, 27-30, 32, 33) for <see cref="DeclaredStatusTests"/>.</summary>
internal static class BillingStatusDrives
{
    public static async Task DriveBillingAsync(this RaytioFactory app, string tooLarge)
    {
        var org = await app.CreateOrgAsync();
        var member = await app.NewMemberAsync(org);
        var outsider = await GraphUser.CreateAsync(app);
        var admin = org.Admin.Bearer;
        var card = await app.UseCardAsync(org);
        var subscription = (await app.SubscribedAsync(org, (EmbeddedCatalogue.StarterMonthly, 1))).Str("id");
        var invoice = (await app.InvoicesAsync(org))[0].Str("id");
        var bad = "/org/v1/organizations/x";

        foreach (var path in new[] { "/org/{0}/plans", $"/org/{{0}}/plans/{EmbeddedCatalogue.StarterMonthly}" })
        {
            await app.GetAsync(string.Format(path, "v1"), outsider.Bearer);
            await app.GetAsync(string.Format(path, "v1"));
            await app.GetAsync(string.Format(path, "v2"), outsider.Bearer);
        }
        await app.GetAsync("/org/v1/plans?limit=0", outsider.Bearer);

        foreach (var read in new[] { "subscriptions", $"subscriptions/{subscription}", "payment_methods?type=card", $"payment_methods/{card}", "invoices", $"invoices/{invoice}" })
        {
            await app.GetAsync($"{org.Path}/{read}", member.Bearer);
            await app.GetAsync($"{org.Path}/{read}");
            await app.GetAsync($"{org.Path}/{read}", outsider.Bearer);
            await app.GetAsync($"{bad}/{read}", admin);
            await app.GetAsync($"/org/v2/organizations/{org.Id}/{read}", admin);
        }
        await app.GetAsync($"{org.Path}/subscriptions?status=x", admin);
        await app.GetAsync($"{org.Path}/payment_methods", admin);
        await app.GetAsync($"{org.Path}/invoices?limit=x", admin);

        var items = OrgSeed.Json(new { items = new[] { new { plan = EmbeddedCatalogue.Credits100 } } });
        var subscriptions = $"{org.Path}/subscriptions";
        await app.SendJsonTextAsync(HttpMethod.Post, subscriptions, items, admin);
        await app.SendJsonTextAsync(HttpMethod.Post, subscriptions, "{}", admin);
        await app.SendJsonTextAsync(HttpMethod.Post, subscriptions, items, member.Bearer);
        await app.SendJsonTextAsync(HttpMethod.Post, subscriptions, items, outsider.Bearer);
        await app.SendJsonTextAsync(HttpMethod.Post, subscriptions, items);

        var one = $"{subscriptions}/{subscription}";
        await app.SendJsonTextAsync(HttpMethod.Patch, one, """{"cancel_at_period_end":true}""", admin);
        await app.SendJsonTextAsync(HttpMethod.Patch, one, "{}", admin);
        await app.SendJsonTextAsync(HttpMethod.Patch, one, "{}", member.Bearer);
        await app.SendJsonTextAsync(HttpMethod.Patch, one, "{}", outsider.Bearer);
        await app.SendJsonTextAsync(HttpMethod.Patch, one, "{}");
        await app.SendAsync(HttpMethod.Delete, one, null, member.Bearer);
        await app.SendAsync(HttpMethod.Delete, one, null, outsider.Bearer);
        await app.SendAsync(HttpMethod.Delete, one, null, null);
        await app.SendAsync(HttpMethod.Delete, $"{bad}/subscriptions/{subscription}", null, admin);
        await app.SendAsync(HttpMethod.Delete, one, null, admin);
        await app.SendAsync(HttpMethod.Delete, one, null, admin);
        await app.SendJsonTextAsync(HttpMethod.Patch, one, """{"cancel_at_period_end":true}""", admin);
        foreach (var path in new[] { "/org/{0}/organizations/" + org.Id + "/subscriptions", "/org/{0}/organizations/" + org.Id + "/subscriptions/" + subscription })
        {
            var method = path.EndsWith("subscriptions", StringComparison.Ordinal) ? HttpMethod.Post : HttpMethod.Patch;
            await app.SendJsonTextAsync(method, string.Format(path, "v2"), "{}", admin);
            await app.SendJsonTextAsync(method, string.Format(path, "v1"), tooLarge, admin);
            await app.SendAsync(method, string.Format(path, "v1"), new StringContent("<a/>", Encoding.UTF8, "application/xml"), admin);
        }

        foreach (var action in new[] { "attach", "detach" })
        {
            var target = action == "attach" ? "pm_card_amex" : card;
            await app.SendAsync(HttpMethod.Post, $"{org.Path}/payment_methods/{target}/{action}", null, member.Bearer);
            await app.SendAsync(HttpMethod.Post, $"{org.Path}/payment_methods/{target}/{action}", null, outsider.Bearer);
            await app.SendAsync(HttpMethod.Post, $"{org.Path}/payment_methods/{target}/{action}", null, null);
            await app.SendAsync(HttpMethod.Post, $"{bad}/payment_methods/{target}/{action}", null, admin);
            await app.SendAsync(HttpMethod.Post, $"/org/v2/organizations/{org.Id}/payment_methods/{target}/{action}", null, admin);
            await app.SendAsync(HttpMethod.Post, $"{org.Path}/payment_methods/{target}/{action}", null, admin);
        }
        await app.AttachAsync(org, "pm_card_chargeDeclined", admin);
    }
}
