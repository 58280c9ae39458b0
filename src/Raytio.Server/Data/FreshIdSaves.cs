using Microsoft.EntityFrameworkCore;

namespace Raytio.Server.Data;

/// <summary>
/// Saving rows keyed by a fresh random id (short links, request short codes): two equal ids are
/// unlikely but possible, so a unique violation is retried with new rows and a new id rather than
/// answered as an error.
/// </summary>
public static class FreshIdSaves
{
    /// <summary>
    /// Calls <paramref name="add"/> (which adds the rows to the context under a new id) and saves;
    /// on a unique violation drops every pending change and tries again, up to <paramref name="attempts"/> times.
    /// </summary>
    public static async Task<T> SaveWithFreshIdAsync<T>(this RaytioDbContext db, Func<T> add, int attempts, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var added = add();
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return added;
            }
            catch (DbUpdateException failure) when (failure.IsUniqueViolation() && attempt < attempts)
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}
