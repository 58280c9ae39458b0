namespace Raytio.Server.Providers.Rekognition;

/// <summary>
/// Compares the largest face of a source image with the faces of a target image, as Rekognition's
/// CompareFaces does. Failing to get an answer is a <see cref="Outside.ProviderFailedException"/>.
/// </summary>
public interface IFaceComparer
{
    /// <summary>The provider's display name, e.g. "Rekognition (sandbox)".</summary>
    string Name { get; }

    Task<FaceComparisonOutcome> CompareAsync(FaceComparisonRequest request, CancellationToken cancellationToken);
}
