using System.ComponentModel.DataAnnotations;

namespace Raytio.Server.Features.Auth;

/// <summary>Settings under Raytio:Tokens: issued tokens, their keys and password hashing.</summary>
public sealed class TokenOptions
{
    public const string Section = "Raytio:Tokens";

    [Required(AllowEmptyStrings = false)]
    public string Issuer { get; set; } = "raytio";

    [Required(AllowEmptyStrings = false)]
    public string Audience { get; set; } = "raytio-api";

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan IdentityTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    [Range(typeof(TimeSpan), "00:05:00", "3650.00:00:00")]
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>A new signing key replaces the current one at start-up when that is older than this.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00")]
    public TimeSpan SigningKeyRotation { get; set; } = TimeSpan.FromDays(90);

    /// <summary>
    /// How long a new key is published in the JWK set before it signs: at least the set's cache
    /// lifetime (5 min) plus the minute a replica may take to see the key.
    /// </summary>
    [Range(typeof(TimeSpan), "00:06:00", "1.00:00:00")]
    public TimeSpan SigningKeyPublishDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>RFC 7638 thumbprints of token keys known to be leaked: deleted at the next start.</summary>
    public List<string> CompromisedKeys { get; set; } = [];

    /// <summary>
    /// How long a replica trusts its cached copy of a user's security stamp: the longest a token
    /// keeps working on another replica after a password change, reset or disabling.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan SecurityStampCacheLifetime { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Argon2id memory in KiB; OWASP's minimum is 19 MiB (19,456 KiB) with 2 passes.</summary>
    [Range(1_024, 4_194_304)]
    public int PasswordHashMemoryKiB { get; set; } = 19_456;

    /// <summary>Argon2id passes over the memory (t).</summary>
    [Range(1, 100)]
    public int PasswordHashPasses { get; set; } = 2;

    /// <summary>How long a login waits for a free core to hash on before it answers 503.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan PasswordHashQueueTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
