using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Billing.Metering;
using Raytio.Server.Features.OutsideChecks;
using Raytio.Server.Hosting;
using Raytio.Server.Providers.Rekognition;

namespace Raytio.Server.Features.FaceComparison;

/// <summary>
/// Operation 112: the body checked against Rekognition's limits (nothing is charged for those
/// refusals), then the comparison metered and audited through <see cref="OutsideCheckRunner"/>.
/// The audit trail keeps the options and the outcome only, never the images or anything drawn
/// from them. A refusal of the images by the comparer (e.g. no face in the source) is a completed
/// check: charged, audited, and answered 400.
/// </summary>
public sealed class FaceComparisonOperation(IFaceComparer comparer, OutsideCheckRunner runner)
{
    public async Task<JsonObject> CompareAsync(Guid caller, string? orgId, JsonElement body, CancellationToken cancellationToken)
    {
        var request = FaceComparisonBody.Read(body);
        var details = new JsonObject
        {
            ["similarity_threshold"] = request.SimilarityThreshold.ToString(CultureInfo.InvariantCulture),
            ["quality_filter"] = request.QualityFilter.ToString(),
        };
        var outcome = await runner.RunAsync(
            new OutsideCheck(caller, orgId, MeteredChecks.FaceCompare, AuditEventTypes.FaceCompare, details), comparer.Name,
            ct => comparer.CompareAsync(request, ct), Outcome, cancellationToken);
        if (outcome.Rejection is { } rejection)
        {
            var code = Code(rejection.Kind);
            throw rejection.Field is { } field
                ? FaceImages.Refused(code, field, rejection.Message)
                : ApiException.BadRequest(code, rejection.Message);
        }
        return JsonSerializer.SerializeToNode(outcome.Answer, RekognitionJson.Options)!.AsObject();
    }

    /// <summary>What the audit trail records of an outcome: match, no_match, or the refusal's code.</summary>
    private static string Outcome(FaceComparisonOutcome outcome) =>
        outcome.Rejection is { } rejection ? Code(rejection.Kind)
        : outcome.Answer!.FaceMatches.Count > 0 ? "match"
        : "no_match";

    private static string Code(FaceComparisonRejectionKind kind) => kind switch
    {
        FaceComparisonRejectionKind.ImageTooLarge => FaceImages.ImageTooLarge,
        FaceComparisonRejectionKind.InvalidImageFormat => FaceImages.InvalidImageFormat,
        _ => FaceImages.InvalidParameter,
    };
}
