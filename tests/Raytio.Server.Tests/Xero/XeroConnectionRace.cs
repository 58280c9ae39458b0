using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Raytio.Server.Features.Xero;

namespace Raytio.Server.Tests.Xero;

/// <summary>
/// An interceptor of the Live test host: runs a test's write once, just before the next save that
/// replaces a stored connection (after the callback read it), as another request or replica
/// writing at that moment would.
/// </summary>
public sealed class XeroConnectionRace : SaveChangesInterceptor
{
    private Func<Task>? _pending;

    public void BeforeNextReplace(Func<Task> write) => _pending = write;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context!.ChangeTracker.Entries<XeroConnection>().Any(e => e.State == EntityState.Modified) && Interlocked.Exchange(ref _pending, null) is { } write)
        {
            await write();
        }
        return result;
    }
}
