namespace Raytio.Server.Providers.Rekognition;

/// <summary>Rekognition's QualityFilter: the quality bar a detected face must pass to be compared.</summary>
public enum QualityFilter
{
    NONE,
    AUTO,
    LOW,
    MEDIUM,
    HIGH,
}

/// <summary>Two checked images (JPEG or PNG, at most 5 MB, at least 80 pixels a side) and CompareFaces' options.</summary>
public sealed record FaceComparisonRequest(byte[] SourceImage, byte[] TargetImage, float SimilarityThreshold, QualityFilter QualityFilter)
{
    /// <summary>Rekognition's default: matches below 80% similarity are not returned as matches.</summary>
    public const float DefaultSimilarityThreshold = 80f;
}
