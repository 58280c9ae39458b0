using Raytio.Clarity.Models;
using Raytio.Clarity.Tests.Documents;

namespace Raytio.Clarity.Bench;

internal static class ShippedModelsByKind
{
    public static ClarityModel For(DocumentKind kind) => ShippedModels.All.Single(m => m.File == kind switch
    {
        DocumentKind.NzPassport => "nz_passport.json",
        DocumentKind.NzDriverLicence => "nz_driver_licence.json",
        _ => "nz_community_services_card.json",
    }).Model;
}
