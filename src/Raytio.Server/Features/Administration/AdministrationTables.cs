using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;

namespace Raytio.Server.Features.Administration;

/// <summary>The Administration area's tables, as properties of the shared context.</summary>
public static class AdministrationTables
{
    extension(RaytioDbContext db)
    {
        public DbSet<InstallationAdministrator> InstallationAdministrators => db.Set<InstallationAdministrator>();
    }
}
