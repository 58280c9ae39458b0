using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Raytio.Server.Features.Secrets;

/// <summary>A random secret the server made once (e.g. the key of one-time code hashes), protected by Data Protection.</summary>
public sealed class ServerSecret
{
    public required string Name { get; set; }

    public required string ProtectedValue { get; set; }

    public DateTime CreatedAt { get; set; }
}

internal sealed class ServerSecretConfiguration : IEntityTypeConfiguration<ServerSecret>
{
    public void Configure(EntityTypeBuilder<ServerSecret> entity)
    {
        entity.ToTable("server_secrets");
        entity.HasKey(s => s.Name);
        entity.Property(s => s.Name).HasMaxLength(100);
    }
}
