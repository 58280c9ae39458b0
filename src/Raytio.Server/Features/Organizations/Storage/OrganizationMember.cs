using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Raytio.Server.Features.Auth;

namespace Raytio.Server.Features.Organizations;

public enum OrganizationRole
{
    Member = 0,
    Admin = 1,
}

/// <summary>
/// One person's membership and role. Written only by <see cref="OrganizationMembers"/>, which
/// keeps the matching BELONGS_TO relationship to the members group in the same transaction.
/// </summary>
public sealed class OrganizationMember
{
    public Guid OrganizationId { get; set; }

    public Guid UserId { get; set; }

    public OrganizationRole Role { get; set; }

    public DateTime JoinedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

internal sealed class OrganizationMemberConfiguration : IEntityTypeConfiguration<OrganizationMember>
{
    public void Configure(EntityTypeBuilder<OrganizationMember> member)
    {
        member.ToTable("organization_members");
        member.HasKey(m => new { m.OrganizationId, m.UserId });
        member.HasIndex(m => m.UserId);
        member.HasOne<Organization>().WithMany().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        member.HasOne<User>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
