using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Raytio.Server.Providers.Email;

/// <summary>
/// Wakes the dispatcher after a save that wrote emails, so they go out without waiting for the
/// next poll. (Inside an explicit transaction the commit comes later; the poll catches those.)
/// </summary>
internal sealed class OutgoingEmailCommitted(EmailDispatcher dispatcher) : SaveChangesInterceptor
{
    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context?.ChangeTracker.Entries<OutgoingEmail>().Any() == true)
        {
            dispatcher.Wake();
        }
        return ValueTask.FromResult(result);
    }
}
