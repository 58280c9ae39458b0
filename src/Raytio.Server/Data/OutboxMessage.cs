namespace Raytio.Server.Data;

/// <summary>An email stored instead of sent, when no SMTP server is configured.</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }

    public required string To { get; set; }

    public required string Subject { get; set; }

    public required string Body { get; set; }

    public DateTime CreatedAt { get; set; }
}
