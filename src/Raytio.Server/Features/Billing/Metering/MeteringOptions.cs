using System.ComponentModel.DataAnnotations;

namespace Raytio.Server.Features.Billing.Metering;

/// <summary>
/// Settings under Raytio:Billing:Metering: whose price lists price the metered checks. Without a
/// catalogue organisation nothing is metered (an evaluation install runs its checks free).
/// </summary>
public sealed class MeteringOptions
{
    public const string Section = "Raytio:Billing:Metering";

    /// <summary>The organisation (org_id) whose price lists (operations 91-96) price the checks; null: metering is off.</summary>
    public Guid? CatalogueOrganizationId { get; set; }

    /// <summary>The list that prices a check for an organisation without a customer price list of its own (or whose list has no price for it).</summary>
    [Required, StringLength(100, MinimumLength = 1)]
    public string DefaultPriceListId { get; set; } = "default";

    /// <summary>The manufacturer_id of the checks' products in the catalogue.</summary>
    [Required, StringLength(100, MinimumLength = 1)]
    public string ManufacturerId { get; set; } = "raytio";

    /// <summary>The currency of the checks' prices, whose major unit is one credit; usage billed to invoices is in it.</summary>
    [Required, RegularExpression("^[A-Za-z]{3}$")]
    public string Currency { get; set; } = "NZD";
}
