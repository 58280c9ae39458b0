using System.Net.Sockets;
using System.Threading.Channels;
using MailKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Raytio.Server.Data;

namespace Raytio.Server.Providers.Email;

/// <summary>
/// Sends the emails of <see cref="EmailOutbox"/> with the configured <see cref="IEmailSender"/>:
/// woken when a commit adds one, and every poll interval. Each email is claimed by a conditional
/// update first, so several replicas never send the same one at once; a failure is retried with
/// a growing backoff (1 minute doubling, at most an hour) up to MaxAttempts.
/// </summary>
public sealed partial class EmailDispatcher(IServiceScopeFactory scopes, TimeProvider time, IOptions<EmailOptions> options, ILogger<EmailDispatcher> logger)
    : BackgroundService
{
    private const int BatchSize = 50;
    private static readonly TimeSpan ClaimLifetime = TimeSpan.FromMinutes(2);

    private readonly SemaphoreSlim _onePassAtATime = new(1, 1);
    private readonly Channel<bool> _wakeUps = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Wake() => _wakeUps.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchPendingAsync(stoppingToken);
            }
            catch (Exception problem) when (problem is System.Data.Common.DbException or DbUpdateException)
            {
                LogDatabaseUnavailable(logger, problem);
            }
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var delay = Task.Delay(options.Value.PollInterval, time, wait.Token);
            await Task.WhenAny(delay, _wakeUps.Reader.ReadAsync(wait.Token).AsTask());
            await wait.CancelAsync();
        }
    }

    /// <summary>
    /// Sends every email that is due now; answers how many went out. One pass runs at a time in a
    /// process, so a caller returns only once emails taken by a pass already running are sent.
    /// </summary>
    public async Task<int> DispatchPendingAsync(CancellationToken cancellationToken)
    {
        await _onePassAtATime.WaitAsync(cancellationToken);
        try
        {
            return await DispatchDueAsync(cancellationToken);
        }
        finally
        {
            _onePassAtATime.Release();
        }
    }

    private async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RaytioDbContext>();
            var now = time.GetUtcNow().UtcDateTime;
            var due = await db.OutgoingEmails.AsNoTracking()
                .Where(e => e.NextAttemptAt <= now && (e.ClaimedUntil == null || e.ClaimedUntil < now))
                .OrderBy(e => e.NextAttemptAt).Take(BatchSize).ToListAsync(cancellationToken);
            foreach (var email in due)
            {
                if (await ClaimAsync(db, email.Id, now, cancellationToken))
                {
                    sent += await SendAsync(scope.ServiceProvider, db, email, cancellationToken) ? 1 : 0;
                }
            }
            if (due.Count < BatchSize)
            {
                return sent;
            }
        }
    }

    private static async Task<bool> ClaimAsync(RaytioDbContext db, Guid id, DateTime now, CancellationToken cancellationToken) =>
        await db.OutgoingEmails.Where(e => e.Id == id && (e.ClaimedUntil == null || e.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ClaimedUntil, now + ClaimLifetime), cancellationToken) == 1;

    private async Task<bool> SendAsync(IServiceProvider services, RaytioDbContext db, OutgoingEmail email, CancellationToken cancellationToken)
    {
        try
        {
            await services.GetRequiredService<IEmailSender>().SendAsync(new EmailMessage(email.To, email.Subject, email.Body), cancellationToken);
        }
        catch (Exception failure) when (IsDeliveryFailure(failure))
        {
            await RecordFailureAsync(db, email, failure, cancellationToken);
            return false;
        }
        await db.OutgoingEmails.Where(e => e.Id == email.Id).ExecuteDeleteAsync(cancellationToken);
        return true;
    }

    private async Task RecordFailureAsync(RaytioDbContext db, OutgoingEmail email, Exception failure, CancellationToken cancellationToken)
    {
        var attempts = email.Attempts + 1;
        if (attempts >= options.Value.MaxAttempts)
        {
            LogDropped(logger, email.Subject, attempts, failure);
            await db.OutgoingEmails.Where(e => e.Id == email.Id).ExecuteDeleteAsync(cancellationToken);
            return;
        }
        LogRetrying(logger, email.Subject, attempts, failure.Message);
        var backoff = TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, attempts - 1)));
        var next = time.GetUtcNow().UtcDateTime + backoff;
        await db.OutgoingEmails.Where(e => e.Id == email.Id).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.Attempts, attempts)
            .SetProperty(e => e.NextAttemptAt, next)
            .SetProperty(e => e.ClaimedUntil, (DateTime?)null), cancellationToken);
    }

    /// <summary>What a mail server or the network can do to a send; anything else is a bug and surfaces.</summary>
    private static bool IsDeliveryFailure(Exception failure) => failure is IOException or SocketException or TimeoutException
        or ProtocolException or CommandException or MailKit.Security.AuthenticationException or ServiceNotConnectedException
        or MimeKit.ParseException;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email '{Subject}' failed on attempt {Attempts}; it will be retried: {Reason}")]
    private static partial void LogRetrying(ILogger logger, string subject, int attempts, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Email '{Subject}' was dropped after {Attempts} failed attempts")]
    private static partial void LogDropped(ILogger logger, string subject, int attempts, Exception failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Waiting emails could not be read; retrying at the next poll")]
    private static partial void LogDatabaseUnavailable(ILogger logger, Exception problem);
}
