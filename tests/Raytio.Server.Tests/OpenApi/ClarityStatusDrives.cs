using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Raytio.Clarity.Tests.Documents;
using Raytio.Clarity.Tests.Imaging;
using Raytio.Server.Features.Billing.Metering;
using Raytio.Server.Tests.Billing.Metering;
using Raytio.Server.Tests.Clarity;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Mrz;
using Raytio.Server.Tests.Organizations;

namespace Raytio.Server.Tests.OpenApi;

/// <summary>Drives the outcomes of operations 101 (clarity-extract) and 103 (clarity-train) for <see cref="DeclaredStatusTests"/>.</summary>
internal static class ClarityStatusDrives
{
    public static async Task DriveClarityAsync(this RaytioFactory app)
    {
        var user = await GraphUser.CreateAsync(app);
        var licence = ClarityUploads.Document(DocumentKind.NzDriverLicence, seed: 22);
        var model = ClarityUploads.LicenceModel;

        await app.ExtractAsync(ClarityUploads.ExtractBody(licence.Jpeg, model), user.Bearer);
        await app.ExtractAsync(ClarityUploads.ExtractBody(MrzUploads.Blank(), model), user.Bearer);
        await app.ExtractAsync(ClarityUploads.ExtractBody(MrzUploads.Blank(), Guid.NewGuid()), user.Bearer);
        await app.ExtractAsync(ClarityUploads.ExtractBody(TestImages.PngBomb(40_000, 40_000), model, contentType: "image/png"), user.Bearer);
        await app.ExtractAsync("""{"file":{"content_type":"image/jpeg","data":"aGVsbG8="}}""", user.Bearer);
        await app.ExtractAsync(ClarityUploads.ExtractBody(MrzUploads.Blank(), model), null);
        await app.SendAsync(HttpMethod.Post, ClarityUploads.ExtractPath, new StringContent("<a/>", Encoding.UTF8, "application/xml"), user.Bearer);
        await app.SendJsonTextAsync(HttpMethod.Post, "/clarity/v2/extract", "{}", user.Bearer);
        await app.DriveUncreditedExtractAsync(user);

        var training = DocumentGenerator.Generate(DocumentKind.NzDriverLicence, new Random(4), Distortion.None);
        await app.TrainAsync(ClarityUploads.TrainBody(DocumentKind.NzDriverLicence, training.Jpeg), user.Bearer);
        await app.TrainAsync(ClarityUploads.TrainBody(DocumentKind.NzDriverLicence, MrzUploads.Blank()), user.Bearer);
        await app.TrainAsync(ClarityUploads.TrainBody(DocumentKind.NzDriverLicence, TestImages.PngBomb(40_000, 40_000)), user.Bearer);
        await app.TrainAsync(new { image = "aGVsbG8=" }, user.Bearer);
        await app.TrainAsync(ClarityUploads.TrainBody(DocumentKind.NzDriverLicence, MrzUploads.Blank()), null);
        await app.SendAsync(HttpMethod.Post, ClarityUploads.TrainPath, new StringContent("<a/>", Encoding.UTF8, "application/xml"), user.Bearer);
        await app.SendJsonTextAsync(HttpMethod.Post, "/clarity/v2/train", "{}", user.Bearer);
    }

    /// <summary>402 of 101: an organisation without credit, with the meter pricing `document_ocr` for the moment.</summary>
    private static async Task DriveUncreditedExtractAsync(this RaytioFactory app, GraphUser user)
    {
        var options = app.Services.GetRequiredService<IOptions<MeteringOptions>>().Value;
        var before = options.CatalogueOrganizationId;
        var catalogue = await app.CatalogueAsync(("default", MeteredChecks.DocumentOcr, "1"));
        var org = await app.CreateOrgAsync(user);
        options.CatalogueOrganizationId = catalogue.Id;
        try
        {
            await app.ExtractAsync(ClarityUploads.ExtractBody(MrzUploads.Blank(), ClarityUploads.LicenceModel, org.Id.ToString()), user.Bearer);
        }
        finally
        {
            options.CatalogueOrganizationId = before;
        }
    }
}
