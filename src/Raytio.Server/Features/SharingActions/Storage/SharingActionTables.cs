using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;

namespace Raytio.Server.Features.SharingActions;

/// <summary>The action outbox, as a property of the shared context.</summary>
public static class SharingActionTables
{
    extension(RaytioDbContext db)
    {
        public DbSet<ShareAction> ShareActions => db.Set<ShareAction>();
    }
}
