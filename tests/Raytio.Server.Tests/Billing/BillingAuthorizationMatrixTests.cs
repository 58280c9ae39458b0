using System.Net;
using System.Text.Json;
using Raytio.Server.Features.Billing.Embedded;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Organizations;

namespace Raytio.Server.Tests.Billing;

/// <summary>
/// Who may call each billing operation: administrators change and read, members read (403 on a
/// change), another organisation's administrator and an unrelated user get the same 404 as for an
/// organisation that does not exist, anonymous callers 401. Plans are open to every signed-in user.
/// A denied change leaves its subject as it was.
/// </summary>
public sealed class BillingAuthorizationMatrixTests(BillingAuthorizationMatrixTests.Cast cast) : IClassFixture<BillingAuthorizationMatrixTests.Cast>
{
    public enum Caller
    {
        Admin,
        Member,
        OtherOrgAdmin,
        Stranger,
        Anonymous,
    }

    public static TheoryData<string, Caller> Matrix()
    {
        var data = new TheoryData<string, Caller>();
        foreach (var operation in Operations)
        {
            foreach (var caller in Enum.GetValues<Caller>())
            {
                data.Add(operation, caller);
            }
        }
        return data;
    }

    private static readonly string[] Operations =
    [
        "list-plans", "get-plan", "list-subscriptions", "get-subscription", "create-subscription", "update-subscription", "cancel-subscription",
        "list-payment-methods", "get-payment-method", "attach-payment-method", "detach-payment-method", "list-invoices", "get-invoice",
    ];

    private static bool IsChange(string operation) => operation is "create-subscription" or "update-subscription" or "cancel-subscription" or "attach-payment-method" or "detach-payment-method";

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_caller_gets_what_their_role_allows(string operation, Caller caller)
    {
        var app = cast.App;
        var setup = await cast.SetupAsync();
        var bearer = caller switch
        {
            Caller.Admin => setup.Org.Admin.Bearer,
            Caller.Member => setup.Member.Bearer,
            Caller.OtherOrgAdmin => setup.Other.Admin.Bearer,
            Caller.Stranger => setup.Stranger.Bearer,
            _ => null,
        };
        var freshSubscription = operation == "cancel-subscription" ? (await app.SubscribedAsync(setup.Org, (EmbeddedCatalogue.StarterMonthly, 1))).Str("id") : setup.Subscription;
        var freshCard = operation == "detach-payment-method" ? (await (await app.AttachAsync(setup.Org, "pm_card_visa", setup.Org.Admin.Bearer)).AssertOkAsync()).Str("id") : setup.Card;
        var response = await SendAsync(operation, setup.Org.Path, freshSubscription, freshCard, bearer);

        if (caller == Caller.Anonymous)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
        else if (operation.EndsWith("-plan", StringComparison.Ordinal) || operation.EndsWith("-plans", StringComparison.Ordinal) || caller == Caller.Admin
                 || (caller == Caller.Member && !IsChange(operation)))
        {
            await response.AssertOkAsync();
        }
        else if (caller == Caller.Member)
        {
            await response.AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        }
        else
        {
            var denied = await response.AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found");
            var unknown = await (await SendAsync(operation, $"/org/v1/organizations/{Guid.NewGuid()}", freshSubscription, freshCard, bearer))
                .AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found");
            Assert.Equal(unknown.ToString(), denied.ToString());
        }

        if (caller != Caller.Admin && IsChange(operation))
        {
            Assert.Equal("active", (await app.SubscriptionAsync(setup.Org, freshSubscription)).Str("status"));
            await (await app.GetAsync($"{setup.Org.Path}/payment_methods/{freshCard}", setup.Org.Admin.Bearer)).AssertOkAsync();
        }
    }

    private Task<HttpResponseMessage> SendAsync(string operation, string org, string subscription, string card, string? bearer)
    {
        var app = cast.App;
        var items = JsonSerializer.Serialize(new { items = new[] { new { plan = EmbeddedCatalogue.Credits100, quantity = 1 } } });
        return operation switch
        {
            "list-plans" => app.GetAsync("/org/v1/plans", bearer),
            "get-plan" => app.GetAsync($"/org/v1/plans/{EmbeddedCatalogue.StarterMonthly}", bearer),
            "list-subscriptions" => app.GetAsync($"{org}/subscriptions", bearer),
            "get-subscription" => app.GetAsync($"{org}/subscriptions/{subscription}", bearer),
            "create-subscription" => app.SendJsonTextAsync(HttpMethod.Post, $"{org}/subscriptions", items, bearer),
            "update-subscription" => app.SendJsonTextAsync(HttpMethod.Patch, $"{org}/subscriptions/{subscription}", """{"cancel_at_period_end":false}""", bearer),
            "cancel-subscription" => app.SendAsync(HttpMethod.Delete, $"{org}/subscriptions/{subscription}", null, bearer),
            "list-payment-methods" => app.GetAsync($"{org}/payment_methods?type=card", bearer),
            "get-payment-method" => app.GetAsync($"{org}/payment_methods/{card}", bearer),
            "attach-payment-method" => app.SendAsync(HttpMethod.Post, $"{org}/payment_methods/pm_card_mastercard/attach", null, bearer),
            "detach-payment-method" => app.SendAsync(HttpMethod.Post, $"{org}/payment_methods/{card}/detach", null, bearer),
            "list-invoices" => app.GetAsync($"{org}/invoices", bearer),
            "get-invoice" => app.GetAsync($"{org}/invoices/{cast.Invoice}", bearer),
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
        };
    }

    /// <summary>The organisation (with a default card, a subscription and its invoice), its member, another organisation and a stranger, made once.</summary>
    public sealed class Cast : RaytioFactory
    {
        private readonly SemaphoreSlim _once = new(1, 1);
        private Setup? _setup;

        public RaytioFactory App => this;

        public string Invoice => _setup!.Invoice;

        public async Task<Setup> SetupAsync()
        {
            await _once.WaitAsync();
            try
            {
                return _setup ??= await MakeAsync();
            }
            finally
            {
                _once.Release();
            }
        }

        private async Task<Setup> MakeAsync()
        {
            var org = await this.CreateOrgAsync();
            var card = await this.UseCardAsync(org);
            var subscription = (await this.SubscribedAsync(org, (EmbeddedCatalogue.StarterMonthly, 1))).Str("id");
            var invoice = (await this.InvoicesAsync(org))[0].Str("id");
            return new Setup(org, await this.NewMemberAsync(org), await this.CreateOrgAsync(), await GraphUser.CreateAsync(this), subscription, card, invoice);
        }

        protected override void Dispose(bool disposing)
        {
            _once.Dispose();
            base.Dispose(disposing);
        }
    }

    public sealed record Setup(Organizations.Org Org, GraphUser Member, Organizations.Org Other, GraphUser Stranger, string Subscription, string Card, string Invoice);
}
