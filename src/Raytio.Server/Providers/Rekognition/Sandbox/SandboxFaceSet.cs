using System.Security.Cryptography;
using System.Text.Json;

namespace Raytio.Server.Providers.Rekognition.Sandbox;

/// <summary>A face the Sandbox knows: whose it is and what Rekognition would say of it.</summary>
public sealed record SandboxFace(string Identity, BoundingBox BoundingBox, float Confidence, IReadOnlyList<Landmark> Landmarks, Pose Pose, ImageQuality Quality)
{
    public float Area => BoundingBox.Width!.Value * BoundingBox.Height!.Value;
}

/// <summary>One shipped test image: its file name, exact bytes and faces.</summary>
public sealed record SandboxImage(string File, byte[] Bytes, IReadOnlyList<SandboxFace> Faces);

/// <summary>
/// The Sandbox's test images and their manifest, shipped in the assembly (drawn by
/// scripts/generate-face-sandbox.py; docs/FACE-COMPARISON.md lists them). An image is recognised by
/// the SHA-256 of its exact bytes; any other image has no face the Sandbox can see.
/// </summary>
public sealed class SandboxFaceSet
{
    private const string ResourcePrefix = "rekognition/sandbox/";

    private static readonly JsonSerializerOptions ManifestOptions = new(JsonSerializerDefaults.General) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private readonly Dictionary<string, SandboxImage> _bySha256;

    public SandboxFaceSet()
    {
        var manifest = JsonSerializer.Deserialize<Manifest>(Resource("faces.json"), ManifestOptions)
            ?? throw new InvalidOperationException("The face Sandbox's manifest is empty.");
        Identities = manifest.Identities;
        Images = [.. manifest.Images.Select(image => new SandboxImage(image.File, Resource(image.File), [.. image.Faces.Select(Face)]))];
        _bySha256 = Images.ToDictionary(image => Convert.ToHexStringLower(SHA256.HashData(image.Bytes)));
    }

    /// <summary>Each identity's unit vector: the similarity of two faces starts from the cosine of theirs.</summary>
    public IReadOnlyDictionary<string, float[]> Identities { get; }

    public IReadOnlyList<SandboxImage> Images { get; }

    public SandboxImage Image(string file) => Images.Single(image => image.File == file);

    /// <summary>The shipped image with exactly these bytes, or null.</summary>
    public SandboxImage? Find(byte[] bytes) => _bySha256.GetValueOrDefault(Convert.ToHexStringLower(SHA256.HashData(bytes)));

    private static SandboxFace Face(ManifestFace face) => new(
        face.Identity,
        new BoundingBox(face.BoundingBox[2], face.BoundingBox[3], face.BoundingBox[0], face.BoundingBox[1]),
        face.Confidence,
        [.. face.Landmarks.Select(l => new Landmark(l.Type, l.X, l.Y))],
        new Pose(face.Pose[2], face.Pose[0], face.Pose[1]),
        new ImageQuality(face.Brightness, face.Sharpness));

    private static byte[] Resource(string name)
    {
        using var stream = typeof(SandboxFaceSet).Assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidOperationException($"The face Sandbox's resource {name} is missing from the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    // The manifest as the generator writes it (snake_case; bounding_box is [left, top, width, height], pose [yaw, pitch, roll]).
    private sealed record Manifest(Dictionary<string, float[]> Identities, List<ManifestImage> Images);

    private sealed record ManifestImage(string File, List<ManifestFace> Faces);

    private sealed record ManifestFace(string Identity, float[] BoundingBox, float Confidence, List<ManifestLandmark> Landmarks, float[] Pose, float Brightness, float Sharpness);

    private sealed record ManifestLandmark(string Type, float X, float Y);
}
