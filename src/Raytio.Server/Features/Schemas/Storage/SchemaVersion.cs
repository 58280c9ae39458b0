using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Raytio.Server.Features.Schemas;

/// <summary>
/// One version of a schema. An update adds a row with the next version and clears
/// <see cref="IsCurrent"/> on the others; rows are never changed otherwise, so a profile object
/// can keep naming the version it was validated against.
/// </summary>
public sealed class SchemaVersion
{
    /// <summary>Shared names (system and public schemas) live in this namespace; user schemas in their creator's.</summary>
    public static readonly Guid SharedNamespace = Guid.Empty;

    public Guid Id { get; set; }

    /// <summary>The full name, e.g. `ss_NZ_Person`.</summary>
    public required string Name { get; set; }

    /// <summary>ss, ps or us: the prefix of <see cref="Name"/>, kept for filtering.</summary>
    public required string Type { get; set; }

    public int Version { get; set; }

    /// <summary>
    /// Where <see cref="Name"/> is unique: <see cref="SharedNamespace"/>, or the creator's user id
    /// for a user schema, so that one user's schema names reveal nothing to another.
    /// </summary>
    public Guid NamespaceId { get; set; }

    /// <summary>The user who wrote this version; null for the starter set shipped with the server.</summary>
    public Guid? CreatorId { get; set; }

    /// <summary>The draft-07 document as given, without its top-level `$id` (served from the name).</summary>
    public required string DocumentJson { get; set; }

    public bool IsCurrent { get; set; }

    public DateTime CreatedAt { get; set; }
}

internal sealed class SchemaVersionConfiguration : IEntityTypeConfiguration<SchemaVersion>
{
    public void Configure(EntityTypeBuilder<SchemaVersion> entity)
    {
        entity.ToTable("schemas");
        entity.Property(s => s.Name).HasMaxLength(3 + SchemaName.MaxBareLength);
        entity.Property(s => s.Type).HasMaxLength(2);
        entity.HasIndex(s => new { s.Name, s.NamespaceId, s.Version }).IsUnique();
        entity.HasIndex(s => new { s.IsCurrent, s.Type });
    }
}
