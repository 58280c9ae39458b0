namespace Raytio.Server.Providers.Rekognition.Sandbox;

/// <summary>
/// CompareFaces on the Sandbox's shipped test images (docs/FACE-COMPARISON.md), with Rekognition's
/// rules: the largest face of the source that passes the quality filter is compared with the 100
/// largest passing faces of the target; matches at or above the threshold by similarity descending,
/// the others unmatched; no face in the source is InvalidParameterException. An image the Sandbox
/// does not know has no face. No face is detected for real: the answers come from the manifest.
/// </summary>
public sealed class RekognitionSandboxComparer(SandboxFaceSet faces) : IFaceComparer
{
    /// <summary>At most this many target faces are compared, as Rekognition does.</summary>
    public const int MaxTargetFaces = 100;

    public string Name => "Rekognition (sandbox)";

    public Task<FaceComparisonOutcome> CompareAsync(FaceComparisonRequest request, CancellationToken cancellationToken)
    {
        var source = Passing(faces.Find(request.SourceImage), request.QualityFilter).MaxBy(face => face.Area);
        if (source is null)
        {
            return Task.FromResult(FaceComparisonOutcome.Rejected(FaceComparisonRejectionKind.InvalidParameter, "source_image",
                "No face was detected in 'source_image' (or none passed the quality filter). The Sandbox sees faces only in its own test images (docs/FACE-COMPARISON.md)."));
        }
        var compared = Passing(faces.Find(request.TargetImage), request.QualityFilter)
            .OrderByDescending(face => face.Area)
            .Take(MaxTargetFaces)
            .Select(target => (Face: Described(target), Similarity: Similarity(source, target)))
            .ToList();
        var answer = new FaceComparison(
            new ComparedSourceImageFace(source.BoundingBox, source.Confidence),
            [.. compared.Where(c => c.Similarity >= request.SimilarityThreshold).OrderByDescending(c => c.Similarity).Select(c => new CompareFacesMatch(c.Similarity, c.Face))],
            [.. compared.Where(c => c.Similarity < request.SimilarityThreshold).Select(c => c.Face)])
        {
            ResponseMetaData = new FaceComparisonMetaData(Guid.NewGuid().ToString(), 200, 0),
        };
        return Task.FromResult(FaceComparisonOutcome.Of(answer));
    }

    /// <summary>
    /// The cosine of the two identities' vectors as a percentage, less 0.1 point per degree of
    /// pose difference (yaw, pitch and roll), within 0-100 and rounded to 4 decimals.
    /// </summary>
    public float Similarity(SandboxFace source, SandboxFace target)
    {
        var a = faces.Identities[source.Identity];
        var b = faces.Identities[target.Identity];
        var cosine = a.Zip(b, (x, y) => (double)x * y).Sum();
        var poses = Math.Abs(source.Pose.Yaw!.Value - target.Pose.Yaw!.Value) + Math.Abs(source.Pose.Pitch!.Value - target.Pose.Pitch!.Value)
            + Math.Abs(source.Pose.Roll!.Value - target.Pose.Roll!.Value);
        return (float)Math.Round(Math.Clamp(100 * Math.Max(0, cosine) - 0.1 * poses, 0, 100), 4);
    }

    /// <summary>
    /// The faces that pass the filter: the lower of a face's brightness and sharpness must reach
    /// LOW 20, MEDIUM 40 or HIGH 70 (AUTO is MEDIUM, NONE keeps every face).
    /// </summary>
    public static IEnumerable<SandboxFace> Passing(SandboxImage? image, QualityFilter filter)
    {
        var bar = filter switch
        {
            QualityFilter.LOW => 20f,
            QualityFilter.MEDIUM or QualityFilter.AUTO => 40f,
            QualityFilter.HIGH => 70f,
            _ => 0f,
        };
        return (image?.Faces ?? []).Where(face => Math.Min(face.Quality.Brightness!.Value, face.Quality.Sharpness!.Value) >= bar);
    }

    private static ComparedFace Described(SandboxFace face) => new(face.BoundingBox, face.Confidence, face.Landmarks, face.Pose, face.Quality);
}
