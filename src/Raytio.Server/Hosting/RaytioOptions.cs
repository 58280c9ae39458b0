using System.ComponentModel.DataAnnotations;

namespace Raytio.Server.Hosting;

/// <summary>
/// Settings of the host itself under the "Raytio" section (environment: Raytio__Key). Each area
/// binds its own section (Raytio:Tokens, Raytio:Email, ...) next to its code.
/// </summary>
public sealed class RaytioOptions
{
    public const string SectionName = "Raytio";

    /// <summary>Folder for the SQLite database, keys and content; created on first start.</summary>
    [Required(AllowEmptyStrings = false)]
    public string DataDirectory { get; set; } = "data";

    /// <summary>Largest accepted request body, in bytes, unless an endpoint raises it.</summary>
    [Range(typeof(long), "1024", "1099511627776")]
    public long MaxRequestBodyBytes { get; set; } = 10 * 1024 * 1024;
}
