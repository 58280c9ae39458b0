using System.Text;
using Raytio.Clarity.Tests.Imaging;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Mrz;

namespace Raytio.Server.Tests.OpenApi;

/// <summary>Drives every outcome of the MRZ addition (POST /clarity/{version}/mrz) for <see cref="DeclaredStatusTests"/>.</summary>
internal static class MrzStatusDrives
{
    /// <summary>The MRZ body limit of <see cref="DeclaredStatusTests.SmallBodiesFactory"/>: room for one small document photo.</summary>
    public const int BodyLimit = 256 * 1024;

    public static async Task DriveMrzAsync(this RaytioFactory app)
    {
        var user = await GraphUser.CreateAsync(app);
        var document = MrzUploads.Document(seed: 5);
        Assert.True(MrzUploads.Body(document.Data).Length < BodyLimit);

        await app.PostAsync(MrzUploads.Body(document.Data), user.Bearer);
        await app.PostAsync(MrzUploads.Body(MrzUploads.Blank(), "image/png"), user.Bearer);
        await app.PostAsync("""{"file":{"content_type":"image/jpeg","data":"aGVsbG8="}}""", user.Bearer);
        await app.PostAsync(MrzUploads.Body(TestImages.PngBomb(40_000, 40_000), "image/png"), user.Bearer);
        await app.PostAsync($$"""{"pad":"{{new string('a', BodyLimit)}}"}""", user.Bearer);
        await app.PostAsync(MrzUploads.Body(MrzUploads.Blank()), null);
        await app.SendAsync(HttpMethod.Post, MrzUploads.Path, new StringContent("<a/>", Encoding.UTF8, "application/xml"), user.Bearer);
        await app.SendJsonTextAsync(HttpMethod.Post, "/clarity/v2/mrz", "{}", user.Bearer);
    }
}
