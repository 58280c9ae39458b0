using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;

namespace Raytio.Server.Features.Organizations;

/// <summary>The organisation tables, as properties of the shared context.</summary>
public static class OrganizationTables
{
    extension(RaytioDbContext db)
    {
        public DbSet<Organization> Organizations => db.Set<Organization>();

        public DbSet<OrganizationMember> OrganizationMembers => db.Set<OrganizationMember>();

        public DbSet<OrganizationInvite> OrganizationInvites => db.Set<OrganizationInvite>();
    }
}
