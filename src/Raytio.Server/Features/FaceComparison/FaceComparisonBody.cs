using System.Globalization;
using System.Text.Json;
using Raytio.Server.Hosting;
using Raytio.Server.Providers.Rekognition;

namespace Raytio.Server.Features.FaceComparison;

/// <summary>
/// Reads the body of operation 112: `source_image` and `target_image` (base64, or a `data:` URL
/// of it) as the reference has them, and CompareFaces' options `similarity_threshold` (0-100,
/// default 80) and `quality_filter` (NONE, AUTO, LOW, MEDIUM, HIGH; default NONE). Each fault is a
/// 400 naming its field; the images are then held to Rekognition's limits (<see cref="FaceImages"/>).
/// </summary>
public static class FaceComparisonBody
{
    public const string SourceImage = "source_image";
    public const string TargetImage = "target_image";
    public const string SimilarityThreshold = "similarity_threshold";
    public const string QualityFilterField = "quality_filter";

    public static FaceComparisonRequest Read(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw ApiException.BadRequest("validation_failed", "The request body must be a JSON object with 'source_image' and 'target_image'.");
        }
        var check = new Validation();
        var source = Image(body, SourceImage, check);
        var target = Image(body, TargetImage, check);
        var threshold = FaceComparisonRequest.DefaultSimilarityThreshold;
        if (body.TryGetProperty(SimilarityThreshold, out var given) && given.ValueKind != JsonValueKind.Null)
        {
            if (given.ValueKind != JsonValueKind.Number || !given.TryGetDouble(out var percent) || percent is < 0 or > 100)
            {
                check.Add(SimilarityThreshold, $"'{SimilarityThreshold}' is a number from 0 to 100 (the least similarity a match must have; default 80).");
            }
            else
            {
                threshold = (float)percent;
            }
        }
        var filter = QualityFilter.NONE;
        if (body.TryGetProperty(QualityFilterField, out var named) && named.ValueKind != JsonValueKind.Null
            && (named.ValueKind != JsonValueKind.String || !Enum.TryParse(named.GetString(), ignoreCase: true, out filter) || !Enum.IsDefined(filter)
                || int.TryParse(named.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out _)))
        {
            check.Add(QualityFilterField, $"'{QualityFilterField}' is one of {string.Join(", ", Enum.GetNames<QualityFilter>())} (default NONE).");
        }
        check.ThrowIfAny();
        FaceImages.Check(SourceImage, source!);
        FaceImages.Check(TargetImage, target!);
        return new FaceComparisonRequest(source!, target!, threshold, filter);
    }

    private static byte[]? Image(JsonElement body, string field, Validation check)
    {
        if (!body.TryGetProperty(field, out var value) || value.ValueKind != JsonValueKind.String || value.GetString() is not { Length: > 0 } text)
        {
            check.Add(field, $"'{field}' is required: the image (JPEG or PNG) in base64.");
            return null;
        }
        if (text.StartsWith("data:", StringComparison.OrdinalIgnoreCase) && text.IndexOf(";base64,", StringComparison.OrdinalIgnoreCase) is var comma and > 0)
        {
            text = text[(comma + ";base64,".Length)..];
        }
        var bytes = new byte[text.Length / 4 * 3 + 3];
        if (!Convert.TryFromBase64String(text, bytes, out var length) || length == 0)
        {
            check.Add(field, $"'{field}' must be base64 (or a data: URL of base64).");
            return null;
        }
        return bytes[..length];
    }
}
