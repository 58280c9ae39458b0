using System.ComponentModel.DataAnnotations;

namespace Raytio.Server.Features.ProfileObjects;

/// <summary>Settings Raytio:ProfileObjects:*.</summary>
public sealed class ProfileObjectOptions : IValidatableObject
{
    public const string Section = "Raytio:ProfileObjects";

    /// <summary>Most objects one create (34) or update (35) may carry; all of them are written in one transaction.</summary>
    [Range(1, 100_000)]
    public int MaxBatchSize { get; set; } = 1000;

    /// <summary>Largest document one object may keep (decoded bytes).</summary>
    [Range(typeof(long), "1", "4294967296")]
    public long MaxContentBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Largest create body: documents travel base64-encoded inside it (4 characters per 3 bytes).</summary>
    [Range(typeof(long), "1024", "1099511627776")]
    public long MaxCreateBodyBytes { get; set; } = 32 * 1024 * 1024;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxCreateBodyBytes < MaxContentBytes / 3 * 4)
        {
            yield return new ValidationResult(
                $"{MaxCreateBodyBytes} cannot carry a document of MaxContentBytes ({MaxContentBytes}) in base64; it needs at least {MaxContentBytes / 3 * 4}.",
                [nameof(MaxCreateBodyBytes)]);
        }
    }
}
