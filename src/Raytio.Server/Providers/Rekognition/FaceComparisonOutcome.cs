namespace Raytio.Server.Providers.Rekognition;

/// <summary>Rekognition's client errors the caller can act on, named after its exception types.</summary>
public enum FaceComparisonRejectionKind
{
    /// <summary>InvalidParameterException: e.g. no face in the source image, or an image too small.</summary>
    InvalidParameter,

    /// <summary>ImageTooLargeException: the image's size or resolution is over the limit.</summary>
    ImageTooLarge,

    /// <summary>InvalidImageFormatException: not a JPEG or PNG the service can read.</summary>
    InvalidImageFormat,
}

/// <summary>A comparison refused for the images given, in our words; <see cref="Field"/> names the image at fault when it is known.</summary>
public sealed record FaceComparisonRejection(FaceComparisonRejectionKind Kind, string? Field, string Message);

/// <summary>What a comparison came to: an answer, or a refusal for the images (a completed check either way).</summary>
public sealed record FaceComparisonOutcome(FaceComparison? Answer, FaceComparisonRejection? Rejection)
{
    public static FaceComparisonOutcome Of(FaceComparison answer) => new(answer, null);

    public static FaceComparisonOutcome Rejected(FaceComparisonRejectionKind kind, string? field, string message) => new(null, new FaceComparisonRejection(kind, field, message));
}
