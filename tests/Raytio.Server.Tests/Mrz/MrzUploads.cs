using System.Text.Json;
using ImageMagick;
using Raytio.Clarity.Tests.Mrz.Generation;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Mrz;

/// <summary>Bodies for POST /clarity/{version}/mrz.</summary>
internal static class MrzUploads
{
    public const string Path = "/clarity/v1/mrz";

    /// <summary>A clean generated document, re-encoded as a JPEG of a few tens of kilobytes.</summary>
    public static SyntheticMrzImage Document(int seed)
    {
        var sample = new MrzImageGenerator(seed, new DateOnly(2026, 11, 28)).Next(degraded: false);
        using var image = new MagickImage(sample.Data);
        image.Quality = 88;
        image.Format = MagickFormat.Jpeg;
        return sample with { Data = image.ToByteArray() };
    }

    public static byte[] Blank()
    {
        using var image = new MagickImage(MagickColors.White, 320, 200);
        image.Format = MagickFormat.Png;
        return image.ToByteArray();
    }

    public static string Body(byte[] data, string contentType = "image/jpeg") =>
        JsonSerializer.Serialize(new { file = new { content_type = contentType, filename = "document.jpg", data = Convert.ToBase64String(data) } });

    public static Task<HttpResponseMessage> PostAsync(this RaytioFactory app, string body, string? bearer) =>
        app.SendJsonTextAsync(HttpMethod.Post, Path, body, bearer);
}
