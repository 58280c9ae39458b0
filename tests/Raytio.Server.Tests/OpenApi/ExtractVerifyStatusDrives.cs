using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Raytio.Clarity.Tests.Documents;
using Raytio.Server.Features.Billing.Metering;
using Raytio.Server.Providers.DocumentRegisters;
using Raytio.Server.Tests.Billing.Metering;
using Raytio.Server.Tests.ExtractVerify;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Organizations;

namespace Raytio.Server.Tests.OpenApi;

/// <summary>Drives every outcome of operations 102, 104, 106 and 107 for <see cref="DeclaredStatusTests"/>.</summary>
internal static class ExtractVerifyStatusDrives
{
    public static async Task DriveExtractVerifyAsync(this RaytioFactory app, string tooLarge)
    {
        var user = await GraphUser.CreateAsync(app);
        var stranger = await GraphUser.CreateAsync(app);
        await app.StoreLicenceModelAsync(user);
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
        await app.DriveUncreditedChecksAsync(user);

        // 107
        var nId = verifications.ByField()["last_name"].NId;
        var check = new[] { new { n_id = nId, data_to_verify = new[] { new { value = "Ngata" } } } };
        await app.VerifyFieldAsync(check, user.Bearer);
        await app.VerifyFieldAsync(check, stranger.Bearer);
        await app.VerifyFieldAsync(new[] { new { n_id = "nope" } }, user.Bearer);
        await app.VerifyFieldAsync(check, null);

        await app.DriveExtractAsync(user, stranger);

        foreach (var operation in new[] { "extract", "map", "verify_sign", "verify_field" })
        {
            await app.SendJsonTextAsync(HttpMethod.Post, $"/extract_verify/v1/{operation}", tooLarge, user.Bearer);
            await app.SendAsync(HttpMethod.Post, $"/extract_verify/v1/{operation}", new StringContent("<a/>", Encoding.UTF8, "application/xml"), user.Bearer);
            await app.SendJsonTextAsync(HttpMethod.Post, $"/extract_verify/v2/{operation}", "{}", user.Bearer);
        }
    }

    /// <summary>102 with the user's model of generated licences: read (also by a stranger, with the shipped model), not recognised (a blank page), not an image, too large, another's organisation.</summary>
    private static async Task DriveExtractAsync(this RaytioFactory app, GraphUser user, GraphUser stranger)
    {
        var licence = Convert.ToBase64String(DocumentGenerator.Generate(DocumentKind.NzDriverLicence, new Random(5), Distortion.None).Jpeg);
        await app.PostJsonAsync(Extract, new { form_data = new[] { licence }, schema_name = ExtractVerifyClient.Licence }, user.Bearer);
        await app.PostJsonAsync(Extract, new { form_data = new[] { licence }, schema_name = ExtractVerifyClient.Licence }, stranger.Bearer);
        var blank = Convert.ToBase64String(Mrz.MrzUploads.Blank());
        await app.PostJsonAsync(Extract, new { form_data = new[] { blank }, schema_name = ExtractVerifyClient.Licence }, user.Bearer);
        await app.PostJsonAsync(Extract, new { form_data = new[] { "%%%" }, schema_name = ExtractVerifyClient.Licence }, user.Bearer);
        await app.PostJsonAsync(Extract, new { form_data = new[] { Convert.ToBase64String(ExtractTests.Huge()) }, schema_name = ExtractVerifyClient.Licence }, user.Bearer);
        await app.PostJsonAsync(Extract, new { form_data = new[] { licence }, schema_name = ExtractVerifyClient.Licence, org_id = Guid.NewGuid() }, user.Bearer);
        await app.PostJsonAsync(Extract, new { form_data = new[] { licence }, schema_name = ExtractVerifyClient.Licence });
    }

    /// <summary>402 of 102 and 106: an organisation without credit or a card, with the meter pricing the checks for the moment.</summary>
    private static async Task DriveUncreditedChecksAsync(this RaytioFactory app, GraphUser user)
    {
        var options = app.Services.GetRequiredService<IOptions<MeteringOptions>>().Value;
        var before = options.CatalogueOrganizationId;
        var catalogue = await app.CatalogueAsync(("default", MeteredChecks.DocumentVerifySign, "1"), ("default", MeteredChecks.DocumentExtract, "1"));
        var org = await app.CreateOrgAsync(user);
        var signed = await app.SignedExtractionAsync(ExtractVerifyClient.Licence, new { licence_number = "DI100001" });
        signed["org_id"] = org.Id.ToString();
        var image = Convert.ToBase64String(DocumentGenerator.Generate(DocumentKind.NzDriverLicence, new Random(6), Distortion.None).Jpeg);
        options.CatalogueOrganizationId = catalogue.Id;
        try
        {
            await app.VerifySignAsync(signed, user.Bearer);
            await app.PostJsonAsync(Extract, new { form_data = new[] { image }, schema_name = ExtractVerifyClient.Licence, org_id = org.Id }, user.Bearer);
        }
        finally
        {
            options.CatalogueOrganizationId = before;
        }
    }

    private const string Extract = "/extract_verify/v1/extract";
}
