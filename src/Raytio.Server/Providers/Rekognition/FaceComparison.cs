using System.Text.Json.Serialization;

namespace Raytio.Server.Providers.Rekognition;

/// <summary>
/// The answer of operation 112 in Rekognition's CompareFaces shape (the reference shows it so):
/// the source face used, the target faces at or above the threshold by similarity descending, and
/// the other target faces. <see cref="ResponseMetaData"/> is the reference's request id block.
/// </summary>
public sealed record FaceComparison(
    ComparedSourceImageFace? SourceImageFace,
    IReadOnlyList<CompareFacesMatch> FaceMatches,
    IReadOnlyList<ComparedFace> UnmatchedFaces,
    string? SourceImageOrientationCorrection = null,
    string? TargetImageOrientationCorrection = null)
{
    public FaceComparisonMetaData? ResponseMetaData { get; init; }
}

public sealed record ComparedSourceImageFace(BoundingBox? BoundingBox, float? Confidence);

public sealed record CompareFacesMatch(float? Similarity, ComparedFace? Face);

/// <summary>Rekognition's ComparedFace; Emotions and Smile are passed on when the Live service gives them.</summary>
public sealed record ComparedFace(
    BoundingBox? BoundingBox,
    float? Confidence,
    IReadOnlyList<Landmark>? Landmarks,
    Pose? Pose,
    ImageQuality? Quality,
    IReadOnlyList<Emotion>? Emotions = null,
    Smile? Smile = null);

/// <summary>Ratios of the image's width and height, origin at the top left.</summary>
public sealed record BoundingBox(float? Width, float? Height, float? Left, float? Top);

public sealed record Landmark(string? Type, float? X, float? Y);

public sealed record Pose(float? Roll, float? Yaw, float? Pitch);

public sealed record ImageQuality(float? Brightness, float? Sharpness);

public sealed record Emotion(string? Type, float? Confidence);

public sealed record Smile(bool? Value, float? Confidence);

/// <summary>The reference's `ResponseMetaData`: the provider's request id and the status it answered.</summary>
public sealed record FaceComparisonMetaData(
    string RequestId,
    [property: JsonPropertyName("HTTPStatusCode")] int HttpStatusCode,
    int RetryAttempts);
