using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Raytio.Server.Features.Billing.Metering;
using Raytio.Server.Providers.DocumentRegisters;
using Raytio.Server.Tests.Billing.Metering;
using Raytio.Server.Tests.ExtractVerify;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Organizations;

namespace Raytio.Server.Tests.OpenApi;

/// <summary>Drives every outcome of operations 104, 106 and 107 for <see cref="DeclaredStatusTests"/>.</summary>
internal static class ExtractVerifyStatusDrives
{
    public static async Task DriveExtractVerifyAsync(this RaytioFactory app, string tooLarge)
    {
        var user = await GraphUser.CreateAsync(app);
        var stranger = await GraphUser.CreateAsync(app);
        var licence = await app.SignedExtractionAsync(ExtractVerifyClient.Licence, new { licence_number = "DI100001", licence_version = "101", last_name = "Ngata" });
        var changed = licence.DeepClone();
        changed["data"]!["document_data"]!["last_name"] = "Smith";

        // 104
        await app.MapAsync(licence, user.Bearer);
        await app.MapAsync(changed, user.Bearer);
        await app.MapAsync(licence, null);

        // 106
        var verifications = await (await app.VerifySignAsync(licence, user.Bearer)).AssertOkAsync();
        await app.VerifySignAsync(changed, user.Bearer);
        await app.VerifySignAsync(licence, null);
        await app.VerifySignAsync(await app.SignedExtractionAsync(ExtractVerifyClient.Licence, new { licence_number = SandboxIdentities.UnavailableNumber }), user.Bearer);
        var forOrg = (JsonObject)licence.DeepClone();
        forOrg["org_id"] = Guid.NewGuid().ToString();
        await app.VerifySignAsync(forOrg, user.Bearer);
        await app.DriveUncreditedCheckAsync(user);

        // 107
        var nId = verifications.ByField()["last_name"].NId;
        var check = new[] { new { n_id = nId, data_to_verify = new[] { new { value = "Ngata" } } } };
        await app.VerifyFieldAsync(check, user.Bearer);
        await app.VerifyFieldAsync(check, stranger.Bearer);
        await app.VerifyFieldAsync(new[] { new { n_id = "nope" } }, user.Bearer);
        await app.VerifyFieldAsync(check, null);

        foreach (var operation in new[] { "map", "verify_sign", "verify_field" })
        {
            await app.SendJsonTextAsync(HttpMethod.Post, $"/extract_verify/v1/{operation}", tooLarge, user.Bearer);
            await app.SendAsync(HttpMethod.Post, $"/extract_verify/v1/{operation}", new StringContent("<a/>", Encoding.UTF8, "application/xml"), user.Bearer);
            await app.SendJsonTextAsync(HttpMethod.Post, $"/extract_verify/v2/{operation}", "{}", user.Bearer);
        }
    }

    /// <summary>402: an organisation without credit or a card, with the meter pricing the check for the moment.</summary>
    private static async Task DriveUncreditedCheckAsync(this RaytioFactory app, GraphUser user)
    {
        var options = app.Services.GetRequiredService<IOptions<MeteringOptions>>().Value;
        var before = options.CatalogueOrganizationId;
        var catalogue = await app.CatalogueAsync(("default", MeteredChecks.DocumentVerifySign, "1"));
        var org = await app.CreateOrgAsync(user);
        var signed = await app.SignedExtractionAsync(ExtractVerifyClient.Licence, new { licence_number = "DI100001" });
        signed["org_id"] = org.Id.ToString();
        options.CatalogueOrganizationId = catalogue.Id;
        try
        {
            await app.VerifySignAsync(signed, user.Bearer);
        }
        finally
        {
            options.CatalogueOrganizationId = before;
        }
    }
}
