using System.Net;
using Raytio.Clarity.Tests.Documents;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Clarity;

/// <summary>Without a working OCR library, extraction, training and the MRZ operation answer 503 ocr_unavailable, never a wrong answer.</summary>
public sealed class ClarityOcrUnavailableTests(ClarityOcrUnavailableTests.NoTesseractFactory app) : IClassFixture<ClarityOcrUnavailableTests.NoTesseractFactory>
{
    [Fact]
    public async Task Extraction_answers_503()
    {
        var user = await GraphUser.CreateAsync(app);
        var document = ClarityUploads.Document(DocumentKind.NzDriverLicence, seed: 1);

        await (await app.ExtractAsync(ClarityUploads.ExtractBody(document.Jpeg, ClarityUploads.LicenceModel), user.Bearer))
            .AssertErrorAsync(HttpStatusCode.ServiceUnavailable, "ocr_unavailable");
    }

    [Fact]
    public async Task Training_without_ocr_data_answers_503()
    {
        var user = await GraphUser.CreateAsync(app);
        var document = DocumentGenerator.Generate(DocumentKind.NzDriverLicence, new Random(2), Distortion.None);

        await (await app.TrainAsync(ClarityUploads.TrainBody(DocumentKind.NzDriverLicence, document.Jpeg), user.Bearer))
            .AssertErrorAsync(HttpStatusCode.ServiceUnavailable, "ocr_unavailable");
    }

    [Fact]
    public async Task The_MRZ_operation_answers_503()
    {
        var user = await GraphUser.CreateAsync(app);
        var passport = DocumentGenerator.Generate(DocumentKind.NzPassport, new Random(3), Distortion.None);

        await (await app.PostJsonAsync("/clarity/v1/mrz", new { file = new { content_type = "image/jpeg", data = Convert.ToBase64String(passport.Jpeg) } }, user.Bearer))
            .AssertErrorAsync(HttpStatusCode.ServiceUnavailable, "ocr_unavailable");
    }

    public sealed class NoTesseractFactory : RaytioFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
            [new("Raytio:Clarity:TesseractLibrary", "/nonexistent/libtesseract.so.5")];
    }
}
