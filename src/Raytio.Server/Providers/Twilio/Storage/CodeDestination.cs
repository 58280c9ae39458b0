using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Raytio.Server.Data;

namespace Raytio.Server.Providers.Twilio.Storage;

/// <summary>
/// One row per destination that was sent a code, written first in every send's transaction: its
/// row lock makes sends to one destination take turns, so the send limit is counted exactly
/// even between replicas.
/// </summary>
public sealed class CodeDestination
{
    public required string DestinationHash { get; set; }

    public DateTime LastSentAt { get; set; }
}

internal sealed class CodeDestinationConfiguration : IEntityTypeConfiguration<CodeDestination>
{
    public void Configure(EntityTypeBuilder<CodeDestination> destination)
    {
        destination.ToTable("otp_destinations");
        destination.HasKey(d => d.DestinationHash);
        destination.Property(d => d.DestinationHash).HasMaxLength(64);
        destination.HasIndex(d => d.LastSentAt);
    }
}

/// <summary>The one-time-code tables, as properties of the shared context.</summary>
public static class OneTimeCodeTables
{
    extension(RaytioDbContext db)
    {
        public DbSet<CodeVerification> CodeVerifications => db.Set<CodeVerification>();

        public DbSet<CodeSend> CodeSends => db.Set<CodeSend>();

        public DbSet<CodeDestination> CodeDestinations => db.Set<CodeDestination>();
    }
}

/// <summary>Who may see a verification: see <see cref="VerificationOwner"/>.</summary>
public static class VerificationOwnership
{
    /// <summary>An organisation's verifications, or a user's own that were not started for an organisation.</summary>
    public static IQueryable<CodeVerification> OwnedBy(this IQueryable<CodeVerification> verifications, VerificationOwner owner) =>
        owner.OrganizationId is { } organization
            ? verifications.Where(v => v.OrganizationId == organization)
            : verifications.Where(v => v.OrganizationId == null && v.StartedBy == owner.UserId);

    /// <summary>Every verification <see cref="OwnedBy"/> leaves out.</summary>
    public static IQueryable<CodeVerification> NotOwnedBy(this IQueryable<CodeVerification> verifications, VerificationOwner owner) =>
        owner.OrganizationId is { } organization
            ? verifications.Where(v => v.OrganizationId == null || v.OrganizationId != organization)
            : verifications.Where(v => v.OrganizationId != null || v.StartedBy != owner.UserId);
}
