using System.ComponentModel.DataAnnotations;
using MailKit.Security;

namespace Raytio.Server.Providers.Email;

/// <summary>Settings under Raytio:Email. Without an SMTP host, email goes to the development mailbox.</summary>
public sealed class EmailOptions : IValidatableObject
{
    public const string Section = "Raytio:Email";

    private static readonly Dictionary<string, SecureSocketOptions> SecurityModes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["None"] = SecureSocketOptions.None,
        ["StartTls"] = SecureSocketOptions.StartTls,
        ["SslOnConnect"] = SecureSocketOptions.SslOnConnect,
        ["Auto"] = SecureSocketOptions.Auto,
    };

    [Required(AllowEmptyStrings = false)]
    public string From { get; set; } = "Raytio <no-reply@localhost>";

    /// <summary>SMTP host; when empty, messages go to the development mailbox in the database.</summary>
    public string? SmtpHost { get; set; }

    [Range(1, 65535)]
    public int SmtpPort { get; set; } = 587;

    /// <summary>None, StartTls, SslOnConnect or Auto.</summary>
    public string SmtpSecurity { get; set; } = "StartTls";

    public string? SmtpUsername { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>How often waiting emails are looked for (a commit that adds one also wakes the sender).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Tries before an email that keeps failing is dropped (with an error in the log); about a day with the backoff.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 24;

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(SmtpHost);

    public SecureSocketOptions SecurityMode => SecurityModes[SmtpSecurity];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!SecurityModes.ContainsKey(SmtpSecurity ?? ""))
        {
            yield return new ValidationResult($"'{SmtpSecurity}' is not one of {string.Join(", ", SecurityModes.Keys)}.", [nameof(SmtpSecurity)]);
        }
        if (!MimeKit.MailboxAddress.TryParse(From ?? "", out _))
        {
            yield return new ValidationResult($"'{From}' is not an email address.", [nameof(From)]);
        }
    }
}
