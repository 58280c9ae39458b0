using System.ComponentModel.DataAnnotations;

namespace Raytio.Server.Features.Schemas;

/// <summary>Settings Raytio:Schemas:*.</summary>
public sealed class SchemaOptions : IValidatableObject
{
    public const string Section = "Raytio:Schemas";

    /// <summary>
    /// Schemas are served with `$id` = IdBase + `/schema/{type}/{name}`; `$ref`s between schemas use
    /// these URIs (or relative ones, `../ss/NZ_Person`). The default is the reference's, so its
    /// documents keep working; it is an identifier, never fetched.
    /// </summary>
    [Required]
    public string IdBase { get; set; } = "https://api.rayt.io/public/prod/v1";

    /// <summary>Largest create or update body (the schema document with its name and type).</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxDocumentBytes { get; set; } = 256 * 1024;

    /// <summary>Largest document sent to validate (operation 45).</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxValidateBytes { get; set; } = 1024 * 1024;

    /// <summary>Longest chain of schemas referring to schemas that `expand` (and validation) follows.</summary>
    [Range(1, 64)]
    public int MaxReferenceDepth { get; set; } = 16;

    /// <summary>Most schema documents one expansion may inline (a schema referring to another twice inlines it twice).</summary>
    [Range(1, 100_000)]
    public int MaxExpandedReferences { get; set; } = 256;

    public Uri IdBaseUri => new(IdBase.TrimEnd('/') + "/");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(IdBase, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            yield return new ValidationResult($"'{IdBase}' is not an absolute http(s) URI without query or fragment.", [nameof(IdBase)]);
        }
    }
}
