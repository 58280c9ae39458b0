using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Raytio.Server.Features.Scopes;

/// <summary>A resource server (operation 88), e.g. `profile-oauth`: the owner of a set of scopes.</summary>
public sealed class ResourceServer
{
    /// <summary>The identifier, e.g. `ss` or `profile-oauth`.</summary>
    public required string Id { get; set; }

    public required string Name { get; set; }

    public DateTime UpdatedAt { get; set; }
}

internal sealed class ResourceServerConfiguration : IEntityTypeConfiguration<ResourceServer>
{
    public void Configure(EntityTypeBuilder<ResourceServer> server)
    {
        server.ToTable("resource_servers");
        server.Property(s => s.Id).HasMaxLength(100);
        server.Property(s => s.Name).HasMaxLength(200);
    }
}

/// <summary>A scope of a resource server (operations 86, 87); applications name it `{server_id}/{scope_name}`.</summary>
public sealed class ResourceServerScope
{
    public required string ServerId { get; set; }

    public required string Name { get; set; }

    public required string Description { get; set; }
}

internal sealed class ResourceServerScopeConfiguration : IEntityTypeConfiguration<ResourceServerScope>
{
    public void Configure(EntityTypeBuilder<ResourceServerScope> scope)
    {
        scope.ToTable("resource_server_scopes");
        scope.HasKey(s => new { s.ServerId, s.Name });
        scope.Property(s => s.ServerId).HasMaxLength(100);
        scope.Property(s => s.Name).HasMaxLength(100);
        scope.Property(s => s.Description).HasMaxLength(1000);
    }
}
