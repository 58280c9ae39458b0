using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Raytio.Server.Features.Auth;

namespace Raytio.Server.Features.Administration;

/// <summary>A user who administers this installation (e.g. may create and change system schemas).</summary>
public sealed class InstallationAdministrator
{
    public Guid UserId { get; set; }

    public DateTime CreatedAt { get; set; }
}

internal sealed class InstallationAdministratorConfiguration : IEntityTypeConfiguration<InstallationAdministrator>
{
    public void Configure(EntityTypeBuilder<InstallationAdministrator> entity)
    {
        entity.ToTable("installation_administrators");
        entity.HasKey(a => a.UserId);
        entity.HasOne<User>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
