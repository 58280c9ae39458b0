using System.ComponentModel.DataAnnotations;

namespace Raytio.Server.Features.ExtractVerify;

/// <summary>Limits of operation 102 (settings Raytio:ExtractVerify:*).</summary>
public sealed class ExtractVerifyOptions
{
    public const string Section = "Raytio:ExtractVerify";

    /// <summary>Largest body of operation 102: its images travel base64-encoded, a third larger than the files.</summary>
    [Range(typeof(long), "1024", "1073741824")]
    public long MaxRequestBodyBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>Most images in one extraction (`form_data`): the sides and pages of one document.</summary>
    [Range(1, 20)]
    public int MaxImages { get; set; } = 4;

    /// <summary>Most Clarity models one extraction tries (the newest the caller may view); each costs a little time per image.</summary>
    [Range(1, 10_000)]
    public int MaxModels { get; set; } = 100;
}
