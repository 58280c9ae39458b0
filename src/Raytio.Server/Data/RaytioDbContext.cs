using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Raytio.Server.Data;

/// <summary>
/// The one DbContext. Provider-specific subclasses exist only so each provider keeps its own
/// migrations; the model is the same.
/// </summary>
public abstract class RaytioDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<User> Users => Set<User>();

    public DbSet<OneTimeCode> OneTimeCodes => Set<OneTimeCode>();

    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();

    public DbSet<TokenSigningKey> TokenSigningKeys => Set<TokenSigningKey>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<ThrottleBucket> ThrottleBuckets => Set<ThrottleBucket>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every timestamp is UTC; SQLite forgets the kind, so restore it on read.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<User>(user =>
        {
            user.HasIndex(u => u.Email).IsUnique();
            user.Property(u => u.Email).HasMaxLength(320);
        });

        modelBuilder.Entity<OneTimeCode>(code =>
        {
            code.HasIndex(c => new { c.UserId, c.Purpose }).IsUnique();
            code.HasOne<User>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<RefreshToken>(token =>
        {
            token.HasIndex(t => t.TokenHash).IsUnique();
            token.HasIndex(t => t.FamilyId);
            token.HasIndex(t => t.UserId);
            token.HasOne<User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<TokenSigningKey>().HasKey(k => k.Kid);
        modelBuilder.Entity<OutboxMessage>().HasIndex(m => new { m.To, m.CreatedAt });
        modelBuilder.Entity<ThrottleBucket>().HasKey(b => b.Key);

        SnakeCaseNaming.Apply(modelBuilder);
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        toStore => toStore.Kind == DateTimeKind.Utc ? toStore : toStore.ToUniversalTime(),
        fromStore => DateTime.SpecifyKind(fromStore, DateTimeKind.Utc));
}

public sealed class SqliteRaytioDbContext(DbContextOptions<SqliteRaytioDbContext> options) : RaytioDbContext(options);

public sealed class PostgresRaytioDbContext(DbContextOptions<PostgresRaytioDbContext> options) : RaytioDbContext(options);
