using System.Buffers.Binary;
using System.Text.Json.Nodes;
using Raytio.Server.Providers.Rekognition.Sandbox;

namespace Raytio.Server.Tests.FaceComparison;

/// <summary>Bodies of operation 112 made of the Sandbox's shipped images, and image headers of chosen sizes for the limit checks.</summary>
internal static class FaceRequests
{
    public const string ComparePath = "/rekognition/v1/compare_faces";

    public static SandboxFaceSet Faces { get; } = new();

    public static string Base64(string file) => Convert.ToBase64String(Faces.Image(file).Bytes);

    /// <summary>A body comparing two shipped images (or raw base64 when the name is not a file), with optional options.</summary>
    public static string Body(string source, string target, object? threshold = null, string? filter = null)
    {
        var body = new JsonObject
        {
            ["source_image"] = source.EndsWith(".png", StringComparison.Ordinal) ? Base64(source) : source,
            ["target_image"] = target.EndsWith(".png", StringComparison.Ordinal) ? Base64(target) : target,
        };
        if (threshold is not null)
        {
            body["similarity_threshold"] = JsonValue.Create(threshold);
        }
        if (filter is not null)
        {
            body["quality_filter"] = filter;
        }
        return body.ToJsonString();
    }

    /// <summary>The start of a PNG of the given size (signature and IHDR): what the limit checks read.</summary>
    public static byte[] Png(int width, int height)
    {
        var png = new byte[33];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R' }.CopyTo(png, 0);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), height);
        png[24] = 8;
        png[25] = 2;
        return png;
    }

    /// <summary>A JPEG's start: SOI, an APP0 segment, then a baseline frame header (SOF0) of the given size.</summary>
    public static byte[] Jpeg(int width, int height)
    {
        byte[] app0 = [0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0];
        var sof0 = new byte[] { 0xFF, 0xC0, 0, 11, 8, 0, 0, 0, 0, 1, 1, 0x11, 0 };
        BinaryPrimitives.WriteUInt16BigEndian(sof0.AsSpan(5), (ushort)height);
        BinaryPrimitives.WriteUInt16BigEndian(sof0.AsSpan(7), (ushort)width);
        return [0xFF, 0xD8, .. app0, .. sof0, 0xFF, 0xD9];
    }
}
