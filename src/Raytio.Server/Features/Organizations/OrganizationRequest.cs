using System.Text.Json;
using System.Text.Json.Nodes;
using Raytio.Server.Features.Billing;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Organizations;

/// <summary>
/// The body of operations 8 and 12: name and billing email required, an `address` array of flat
/// objects, and a `customer` object of which only `invoice_settings.default_payment_method` is
/// written (its `id` and `delinquent` are the billing engine's and ignored, so an answer can be
/// sent back as it came). Other fields of an answer (`org_id`, `links`) are ignored too.
/// </summary>
public sealed record OrganizationRequest(string? Name = null, string? Email = null, JsonNode? Address = null, JsonNode? Customer = null)
{
    public const int MaxNameLength = 200;
    public const int MaxAddresses = 20;
    public const int MaxAddressFieldLength = 200;
    private const int MaxAddressFields = 20;

    public CheckedOrganization Check()
    {
        var validation = new Validation();
        var name = Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            validation.Add("name", "'name' is required.");
        }
        else if (name.EnumerateRunes().Count() > MaxNameLength)
        {
            validation.Add("name", $"'name' must be at most {MaxNameLength} characters.");
        }
        var email = EmailAddresses.Check(validation, "email", Email);
        var address = CheckAddress(validation);
        var defaultPaymentMethod = CheckCustomer(validation);
        validation.ThrowIfAny();
        return new CheckedOrganization(name!, email, address, defaultPaymentMethod);
    }

    private string CheckAddress(Validation validation)
    {
        if (Address is null)
        {
            return "[]";
        }
        if (Address is not JsonArray entries)
        {
            validation.Add("address", "'address' must be an array of objects.");
            return "[]";
        }
        if (entries.Count > MaxAddresses)
        {
            validation.Add("address", $"'address' may hold at most {MaxAddresses} entries.");
        }
        for (var i = 0; i < entries.Count; i++)
        {
            CheckAddressEntry(validation, $"address[{i}]", entries[i]);
        }
        return entries.ToJsonString();
    }

    private static void CheckAddressEntry(Validation validation, string field, JsonNode? entry)
    {
        if (entry is not JsonObject fields)
        {
            validation.Add(field, $"'{field}' must be an object.");
            return;
        }
        if (fields.Count > MaxAddressFields)
        {
            validation.Add(field, $"'{field}' may hold at most {MaxAddressFields} fields.");
        }
        foreach (var (key, value) in fields)
        {
            if (value is not null && (value.GetValueKind() != JsonValueKind.String || value.GetValue<string>().Length > MaxAddressFieldLength))
            {
                validation.Add($"{field}.{key}", $"'{field}.{key}' must be a string of at most {MaxAddressFieldLength} characters, or null.");
            }
        }
    }

    private Optional<string?> CheckCustomer(Validation validation)
    {
        const string paymentMethodField = "customer.invoice_settings.default_payment_method";
        if (Customer is null)
        {
            return Optional<string?>.Absent;
        }
        if (Customer is not JsonObject customer)
        {
            validation.Add("customer", "'customer' must be an object.");
            return Optional<string?>.Absent;
        }
        foreach (var key in customer.Select(p => p.Key).Where(k => k is not ("id" or "delinquent" or "invoice_settings")))
        {
            validation.Add($"customer.{key}", $"'customer.{key}' is not a field of the billing customer.");
        }
        if (!customer.TryGetPropertyValue("invoice_settings", out var settings) || settings is null)
        {
            return Optional<string?>.Absent;
        }
        if (settings is not JsonObject invoiceSettings || invoiceSettings.Any(p => p.Key != "default_payment_method"))
        {
            validation.Add("customer.invoice_settings", "'customer.invoice_settings' may only hold 'default_payment_method'.");
            return Optional<string?>.Absent;
        }
        if (!invoiceSettings.TryGetPropertyValue("default_payment_method", out var paymentMethod))
        {
            return Optional<string?>.Absent;
        }
        if (paymentMethod is null)
        {
            return Optional<string?>.Of(null);
        }
        if (paymentMethod.GetValueKind() != JsonValueKind.String || string.IsNullOrWhiteSpace(paymentMethod.GetValue<string>()))
        {
            validation.Add(paymentMethodField, $"'{paymentMethodField}' must be a payment method id or null.");
            return Optional<string?>.Absent;
        }
        return Optional<string?>.Of(paymentMethod.GetValue<string>().Trim());
    }
}

/// <summary>A checked organisation body: the address as JSON text, the default payment method if the body set one.</summary>
public sealed record CheckedOrganization(string Name, string Email, string AddressJson, Optional<string?> DefaultPaymentMethod);
