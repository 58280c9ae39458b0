using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;

namespace Raytio.Server.Features.UserKeys;

/// <summary>The user-key table, as a property of the shared context.</summary>
public static class UserKeyTables
{
    extension(RaytioDbContext db)
    {
        public DbSet<UserKeyRecord> UserKeys => db.Set<UserKeyRecord>();
    }
}
