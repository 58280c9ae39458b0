using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Features.Graph;
using Raytio.Server.Features.Sharing;

namespace Raytio.Server.Features.ProfileObjects;

/// <summary>
/// Deletes content no object names any more: after a delete committed, or when a create that
/// wrote a document rolled back. A create of the same document racing with it can lose its file;
/// reading such an object then answers a clear content_unavailable error.
/// </summary>
public sealed class ContentCleanup(IServiceScopeFactory scopes, IContentStore content, ILogger<ContentCleanup> logger)
{
    public async Task DeleteUnreferencedAsync(IReadOnlyCollection<string> hashes)
    {
        if (hashes.Count == 0)
        {
            return;
        }
        // A scope of its own: the caller's context may hold a failed transaction.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RaytioDbContext>();
        List<string> referenced;
        try
        {
            // Shared snapshots (docs/SHARING.md) keep their content after the object is deleted.
            referenced = await db.GraphNodes.Where(n => n.ContentHash != null && hashes.Contains(n.ContentHash)).Select(n => n.ContentHash!)
                .Concat(db.ShareInstanceObjects.Where(o => o.ContentHash != null && hashes.Contains(o.ContentHash)).Select(o => o.ContentHash!))
                .Distinct().ToListAsync();
        }
        catch (System.Data.Common.DbException failure)
        {
            // Called while another failure is on its way out: keep that one, leave the files.
            logger.LogWarning(failure, "Could not tell whether content {Hashes} is still referenced; left in place", hashes);
            return;
        }
        foreach (var hash in hashes.Except(referenced))
        {
            try
            {
                content.Delete(hash);
            }
            catch (IOException failure)
            {
                logger.LogWarning(failure, "Unreferenced content {Hash} could not be deleted", hash);
            }
        }
    }
}
