using Microsoft.EntityFrameworkCore;
using Raytio.Server.Features.Billing.Embedded;
using Raytio.Server.Features.Billing.Metering;
using Raytio.Server.Hosting;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Organizations;
using Raytio.Server.Tests.PriceLists;

namespace Raytio.Server.Tests.Billing.Metering;

/// <summary>The credit meter through its service API: grants, prices, the 402, idempotent references and refunds.</summary>
public sealed class CreditMeterTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task Nothing_is_metered_for_a_person_acting_alone_or_without_a_catalogue()
    {
        var catalogue = await app.CatalogueAsync(("default", MeteredChecks.NzbnSearch, "1.5"));
        var org = await app.CreateOrgAsync();

        var personal = await app.ChargeAsync(catalogue, null, MeteredChecks.NzbnSearch, "personal-1");
        var unconfigured = await app.WithMeterAsync(null, meter => meter.ChargeAsync(org.Id, MeteredChecks.NzbnSearch, "org-1", CancellationToken.None));

        Assert.Equal(MeterCharge.NotMetered(MeteredChecks.NzbnSearch), personal);
        Assert.Equal(MeterSettlement.NotMetered, unconfigured.Settlement);
        Assert.Null(unconfigured.Id);
        Assert.Equal(0, await app.WithDbAsync(db => db.BillingCreditEntries.CountAsync(e => e.OrganizationId == org.Id)));
    }

    [Fact]
    public async Task A_credit_bundle_grants_its_credits_which_checks_use_at_the_default_list_rate()
    {
        var catalogue = await app.CatalogueAsync(("default", MeteredChecks.NzbnSearch, "1.5"), ("default", MeteredChecks.DriverLicence, "2.125"));
        var org = await app.CreateOrgAsync();
        await app.UseCardAsync(org);
        await app.SubscribedAsync(org, (EmbeddedCatalogue.Credits100, 2));
        Assert.Equal(200m, await app.CreditsAsync(org));

        var search = await app.ChargeAsync(catalogue, org, MeteredChecks.NzbnSearch, "search-1");
        var licence = await app.ChargeAsync(catalogue, org, MeteredChecks.DriverLicence, "licence-1");

        Assert.Equal((MeterSettlement.Credits, 1.5m, "default"), (search.Settlement, search.Credits, search.PriceListId));
        Assert.Equal((MeterSettlement.Credits, 2.125m), (licence.Settlement, licence.Credits));
        Assert.StartsWith("mtr_", search.Id);
        Assert.Equal(196.375m, await app.CreditsAsync(org));
    }

    [Fact]
    public async Task Charging_a_reference_again_answers_the_first_charge()
    {
        var catalogue = await app.CatalogueAsync(("default", MeteredChecks.NzbnEntity, "3"));
        var org = await app.CreateOrgAsync();
        await app.UseCardAsync(org);
        await app.SubscribedAsync(org, (EmbeddedCatalogue.Credits100, 1));

        var first = await app.ChargeAsync(catalogue, org, MeteredChecks.NzbnEntity, "request-7");
        var again = await app.ChargeAsync(catalogue, org, MeteredChecks.NzbnEntity, "request-7");

        Assert.Equal(first, again);
        Assert.Equal(97m, await app.CreditsAsync(org));
    }

    [Fact]
    public async Task A_customer_price_list_prices_its_checks_and_the_default_list_the_rest()
    {
        var catalogue = await app.CatalogueAsync(
            ("default", MeteredChecks.NzbnSearch, "1.5"), ("default", MeteredChecks.FaceCompare, "4"), ("gold", MeteredChecks.NzbnSearch, "0.75"),
            ("gold", MeteredChecks.CreditReportConsumer, "9"));
        // A quantity break from 10 does not apply to one check.
        await app.InsertAsync(PriceListSeed.Prices, catalogue,
            """[{"price_list_id":"gold","id":"credit_report_consumer","manufacturer_id":"raytio","currency":"NZD","credit_unit":5,"qty":10}]""");
        var org = await app.CreateOrgAsync();
        await app.CustomerListAsync(catalogue, org, "gold");
        await app.UseCardAsync(org);
        await app.SubscribedAsync(org, (EmbeddedCatalogue.Credits100, 1));

        var search = await app.ChargeAsync(catalogue, org, MeteredChecks.NzbnSearch, "s");
        var face = await app.ChargeAsync(catalogue, org, MeteredChecks.FaceCompare, "f");
        var report = await app.ChargeAsync(catalogue, org, MeteredChecks.CreditReportConsumer, "r");

        Assert.Equal((0.75m, "gold"), (search.Credits, search.PriceListId));
        Assert.Equal((4m, "default"), (face.Credits, face.PriceListId));
        Assert.Equal((9m, "gold"), (report.Credits, report.PriceListId));
        Assert.Equal(86.25m, await app.CreditsAsync(org));
    }

    [Fact]
    public async Task Without_credit_or_a_payment_method_a_check_answers_402_and_an_unpriced_check_is_free()
    {
        var catalogue = await app.CatalogueAsync(("default", MeteredChecks.DocumentExtract, "0.5"));
        var org = await app.CreateOrgAsync();

        var refused = await Assert.ThrowsAsync<ApiException>(() => app.ChargeAsync(catalogue, org, MeteredChecks.DocumentExtract, "doc-1"));
        var unpriced = await app.ChargeAsync(catalogue, org, MeteredChecks.DocumentOcr, "ocr-1");

        Assert.Equal((402, CreditMeter.InsufficientCredit), (refused.Status, refused.Code));
        Assert.Contains("0 credits left", refused.Message, StringComparison.Ordinal);
        Assert.Contains("set a default payment method", refused.Message, StringComparison.Ordinal);
        Assert.Equal((MeterSettlement.Credits, 0m, (string?)null), (unpriced.Settlement, unpriced.Credits, unpriced.PriceListId));
        Assert.Equal(0, await app.WithDbAsync(db => db.BillingCreditEntries.CountAsync(e => e.Reference == "doc-1" && e.OrganizationId == org.Id)));
    }

    [Fact]
    public async Task Credits_run_out_then_checks_are_billed_while_a_payment_method_is_set_and_refused_once_it_is_cleared()
    {
        var catalogue = await app.CatalogueAsync(("default", MeteredChecks.CreditReportCommercial, "60"));
        var org = await app.CreateOrgAsync();
        await app.UseCardAsync(org);
        await app.SubscribedAsync(org, (EmbeddedCatalogue.Credits100, 1));

        var paid = await app.ChargeAsync(catalogue, org, MeteredChecks.CreditReportCommercial, "c1");
        var billed = await app.ChargeAsync(catalogue, org, MeteredChecks.CreditReportCommercial, "c2");
        await app.SetDefaultPaymentMethodAsync(org, null);
        var refused = await Assert.ThrowsAsync<ApiException>(() => app.ChargeAsync(catalogue, org, MeteredChecks.CreditReportCommercial, "c3"));

        Assert.Equal(MeterSettlement.Credits, paid.Settlement);
        Assert.Equal(MeterSettlement.Invoice, billed.Settlement);
        Assert.Equal(402, refused.Status);
        Assert.Contains("40 credits left", refused.Message, StringComparison.Ordinal);
        Assert.Equal(40m, await app.CreditsAsync(org));
        var amount = await app.WithDbAsync(db => db.BillingCreditEntries.Where(e => e.Id == billed.Id).Select(e => e.Amount).SingleAsync());
        Assert.Equal(6_000, amount);
    }

    [Fact]
    public async Task A_delinquent_organisation_is_not_billed_for_checks()
    {
        var catalogue = await app.CatalogueAsync(("default", MeteredChecks.OtpSend, "0.1"));
        var org = await app.CreateOrgAsync();
        await app.UseCardAsync(org, "pm_card_chargeCustomerFail");
        await app.SubscribeAsync(org, org.Admin.Bearer, (EmbeddedCatalogue.StarterMonthly, 1));
        Assert.True(await app.DelinquentAsync(org));

        var refused = await Assert.ThrowsAsync<ApiException>(() => app.ChargeAsync(catalogue, org, MeteredChecks.OtpSend, "otp-1"));

        Assert.Equal((402, CreditMeter.InsufficientCredit), (refused.Status, refused.Code));
        Assert.Contains("unpaid invoice", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refund_gives_the_credits_back_once()
    {
        var catalogue = await app.CatalogueAsync(("default", MeteredChecks.XeroReport, "2"));
        var org = await app.CreateOrgAsync();
        await app.UseCardAsync(org);
        await app.SubscribedAsync(org, (EmbeddedCatalogue.Credits100, 1));
        var charge = await app.ChargeAsync(catalogue, org, MeteredChecks.XeroReport, "x1");
        Assert.Equal(98m, await app.CreditsAsync(org));

        Assert.True(await app.RefundAsync(charge.Id!));
        Assert.True(await app.RefundAsync(charge.Id!));
        Assert.False(await app.RefundAsync("mtr_unknown"));

        Assert.Equal(100m, await app.CreditsAsync(org));
    }

    [Fact]
    public async Task Checks_racing_for_the_last_credits_never_take_the_balance_below_zero()
    {
        var catalogue = await app.CatalogueAsync(("default", MeteredChecks.DocumentVerifySign, "30"));
        var org = await app.CreateOrgAsync();
        await app.UseCardAsync(org);
        await app.SubscribedAsync(org, (EmbeddedCatalogue.Credits100, 1));
        await app.SetDefaultPaymentMethodAsync(org, null);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(async i =>
        {
            try
            {
                return (await app.ChargeAsync(catalogue, org, MeteredChecks.DocumentVerifySign, $"race-{i}")).Settlement.ToString();
            }
            catch (ApiException refused)
            {
                return refused.Code;
            }
        }));

        Assert.Equal(3, outcomes.Count(o => o == nameof(MeterSettlement.Credits)));
        Assert.Equal(3, outcomes.Count(o => o == CreditMeter.InsufficientCredit));
        Assert.Equal(10m, await app.CreditsAsync(org));
    }

    [Fact]
    public async Task An_unknown_check_or_a_bad_reference_is_a_programming_error()
    {
        var catalogue = await app.CatalogueAsync();
        var org = await app.CreateOrgAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => app.ChargeAsync(catalogue, org, "nzbn", "r"));
        await Assert.ThrowsAsync<ArgumentException>(() => app.ChargeAsync(catalogue, org, MeteredChecks.NzbnSearch, " "));
        await Assert.ThrowsAsync<ArgumentException>(() => app.ChargeAsync(catalogue, org, MeteredChecks.NzbnSearch, new string('r', 101)));
    }
}
