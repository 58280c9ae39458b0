using System.Globalization;
using Stripe;

namespace Raytio.Server.Features.Billing.Stripe;

/// <summary>
/// The organisations' customers in Stripe (`POST /v1/customers`, `GET`/`POST /v1/customers/{id}`).
/// Stripe refuses a default payment method not attached to the customer with an
/// invalid_request_error on `invoice_settings[default_payment_method]`, which becomes our 400 naming
/// `customer.invoice_settings.default_payment_method`.
/// </summary>
public sealed class StripeCustomers(IStripeClient client, StripeCalls calls) : IBillingCustomers
{
    private readonly CustomerService _customers = new(client);

    public async Task<BillingCustomer> CreateAsync(Guid organizationId, string name, string email, CancellationToken cancellationToken)
    {
        var options = new CustomerCreateOptions
        {
            Name = name,
            Email = email,
            Metadata = new Dictionary<string, string> { ["organization_id"] = organizationId.ToString("D", CultureInfo.InvariantCulture) },
        };
        var created = await calls.RunAsync(() => _customers.CreateAsync(options, cancellationToken: cancellationToken), missingMeansNull: false, cancellationToken);
        return StripeMapping.Customer(created!);
    }

    public async Task<BillingCustomer?> FindAsync(string customerId, CancellationToken cancellationToken)
    {
        var found = await calls.RunAsync(() => _customers.GetAsync(customerId, cancellationToken: cancellationToken), missingMeansNull: true, cancellationToken);
        return found is null || found.Deleted == true ? null : StripeMapping.Customer(found);
    }

    public async Task<BillingCustomer> UpdateAsync(string customerId, string name, string email, Optional<string?> defaultPaymentMethod, CancellationToken cancellationToken)
    {
        var options = new CustomerUpdateOptions { Name = name, Email = email };
        if (defaultPaymentMethod.IsPresent)
        {
            // An empty value clears it, as Stripe takes `invoice_settings[default_payment_method]=`.
            options.InvoiceSettings = new CustomerInvoiceSettingsOptions { DefaultPaymentMethod = defaultPaymentMethod.Value ?? "" };
        }
        var updated = await calls.RunAsync(() => _customers.UpdateAsync(customerId, options, cancellationToken: cancellationToken), missingMeansNull: true, cancellationToken)
            ?? throw new InvalidOperationException($"The organisation's billing customer {customerId} is missing in Stripe.");
        return StripeMapping.Customer(updated);
    }
}
