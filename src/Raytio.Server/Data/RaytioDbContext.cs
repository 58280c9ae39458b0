using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Raytio.Server.Data;

/// <summary>
/// The one DbContext. Each area keeps its entities and their <see cref="IEntityTypeConfiguration{T}"/>
/// beside its code (tables named explicitly), and exposes its tables as extension properties of
/// this context; the model is every configuration in the assembly. Provider-specific subclasses
/// exist only so each provider keeps its own migrations.
/// </summary>
public abstract class RaytioDbContext(DbContextOptions options) : DbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every timestamp is UTC; SQLite forgets the kind, so restore it on read.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RaytioDbContext).Assembly);

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        toStore => toStore.Kind == DateTimeKind.Utc ? toStore : toStore.ToUniversalTime(),
        fromStore => DateTime.SpecifyKind(fromStore, DateTimeKind.Utc));
}

public sealed class SqliteRaytioDbContext(DbContextOptions<SqliteRaytioDbContext> options) : RaytioDbContext(options);

public sealed class PostgresRaytioDbContext(DbContextOptions<PostgresRaytioDbContext> options) : RaytioDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        JsonColumn.UseJsonb(modelBuilder);
    }
}
