using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Raytio.Server.Providers.Email;

/// <summary>
/// Wakes the dispatcher once emails a context wrote are committed, so they go out without waiting
/// for the next poll: after the save itself, or, inside an explicit transaction, after its commit
/// (before then the dispatcher could not see them yet).
/// </summary>
internal sealed class OutgoingEmailCommitted(EmailDispatcher dispatcher) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null)
        {
            WakeIfEmailsWritten(context);
        }
        return ValueTask.FromResult(result);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            WakeIfEmailsWritten(context);
        }
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            WakeIfEmailsWritten(context);
        }
    }

    /// <summary>Saved emails stay tracked by the request's context, so their presence says this unit of work wrote some.</summary>
    private void WakeIfEmailsWritten(DbContext context)
    {
        if (context.ChangeTracker.Entries<OutgoingEmail>().Any())
        {
            dispatcher.Wake();
        }
    }
}
