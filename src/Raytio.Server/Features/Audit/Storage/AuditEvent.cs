using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Raytio.Server.Data;

namespace Raytio.Server.Features.Audit;

/// <summary>
/// One audit event (operation 89's `{date, event_type, u_id, event}`), about one subject id (an
/// object, group or user). <see cref="EventJson"/> holds ids, types and HMACs, never property
/// values. Inserted unchained by the change it records; the sealer later gives it the next
/// <see cref="SealSequence"/> and chains it with <see cref="PreviousHash"/> and <see cref="Hash"/>.
/// </summary>
public sealed class AuditEvent
{
    public long Id { get; set; }

    public DateTime OccurredAt { get; set; }

    public required string EventType { get; set; }

    /// <summary>Who acted (null for the server itself or an anonymous reader).</summary>
    public Guid? UserId { get; set; }

    /// <summary>What the event is about (n_id, g_id, u_id, ...).</summary>
    public Guid SubjectId { get; set; }

    public string EventJson { get; set; } = "{}";

    public long? SealSequence { get; set; }

    public byte[]? PreviousHash { get; set; }

    public byte[]? Hash { get; set; }
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> entity)
    {
        entity.ToTable("audit_events");
        entity.Property(e => e.EventType).HasMaxLength(64);
        entity.Property(e => e.EventJson).HasColumnName("event").IsJson();
        entity.HasIndex(e => new { e.SubjectId, e.Id });
        entity.HasIndex(e => new { e.UserId, e.Id });
        entity.HasIndex(e => e.SealSequence).IsUnique();
    }
}

public static class AuditTables
{
    extension(RaytioDbContext db)
    {
        public DbSet<AuditEvent> AuditEvents => db.Set<AuditEvent>();
    }
}
