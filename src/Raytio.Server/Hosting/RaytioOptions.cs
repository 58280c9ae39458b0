namespace Raytio.Server.Hosting;

/// <summary>Settings under the "Raytio" section (environment: Raytio__Section__Key).</summary>
public sealed class RaytioOptions
{
    public const string SectionName = "Raytio";

    /// <summary>Folder for the SQLite database, keys and content; created on first start.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Largest accepted request body, in bytes, unless an endpoint raises it.</summary>
    public long MaxRequestBodyBytes { get; set; } = 10 * 1024 * 1024;

    public TokenOptions Tokens { get; set; } = new();

    public ThrottleOptions Throttle { get; set; } = new();

    public EmailOptions Email { get; set; } = new();

    public SigningOptions Signing { get; set; } = new();

    public Features.Conversion.ConvertOptions Convert { get; set; } = new();
}

public sealed class SigningOptions
{
    /// <summary>
    /// Folder of the RSA-PSS keys that sign verifications (default: signing-keys in the data
    /// folder). Replicas must point at one shared folder so they sign and verify alike.
    /// </summary>
    public string? KeyDirectory { get; set; }

    public string ResolveKeyDirectory(string dataDirectory) =>
        string.IsNullOrWhiteSpace(KeyDirectory) ? Path.Combine(dataDirectory, "signing-keys") : Path.GetFullPath(KeyDirectory);
}

public sealed class TokenOptions
{
    public string Issuer { get; set; } = "raytio";

    public string Audience { get; set; } = "raytio-api";

    public TimeSpan IdentityTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long a signing key signs before a new one replaces it.</summary>
    public TimeSpan SigningKeyRotation { get; set; } = TimeSpan.FromDays(90);

    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>PBKDF2-HMAC-SHA512 iterations; OWASP asks for at least 210,000.</summary>
    public int PasswordHashIterations { get; set; } = 210_000;

    /// <summary>How long a login waits for a free core to hash on before it answers 503.</summary>
    public TimeSpan PasswordHashQueueTimeout { get; set; } = TimeSpan.FromSeconds(10);
}

public sealed class ThrottleOptions
{
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Failed logins or wrong codes for one account within the window.</summary>
    public int FailuresPerAccount { get; set; } = 5;

    /// <summary>Failed logins or wrong codes from one client address within the window.</summary>
    public int FailuresPerClient { get; set; } = 50;

    /// <summary>Emails (codes) sent to one account within the window.</summary>
    public int EmailsPerAccount { get; set; } = 5;
}

public sealed class EmailOptions
{
    public string From { get; set; } = "Raytio <no-reply@localhost>";

    /// <summary>SMTP host; when empty, messages go to the database outbox.</summary>
    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;

    /// <summary>None, StartTls, SslOnConnect or Auto.</summary>
    public string SmtpSecurity { get; set; } = "StartTls";

    public string? SmtpUsername { get; set; }

    public string? SmtpPassword { get; set; }
}
