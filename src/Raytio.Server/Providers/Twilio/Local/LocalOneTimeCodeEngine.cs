using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Raytio.Server.Data;
using Raytio.Server.Features.Secrets;
using Raytio.Server.Hosting;
using Raytio.Server.Providers.Twilio.Storage;

namespace Raytio.Server.Providers.Twilio.Local;

/// <summary>
/// Our own verification engine, modelled on Twilio Verify (docs/ONE-TIME-CODES.md): random codes
/// of the configured length, kept only as keyed hashes; ten minutes to use one; five checks; five
/// sends per destination in ten minutes. Sends to a destination take turns on its lock row;
/// checks count themselves with a conditional update, so racing checks never exceed the limit and
/// only one of them can approve.
/// </summary>
public sealed class LocalOneTimeCodeEngine(
    RaytioDbContext db, OneTimeCodeHashes hashes, CodeDelivery delivery, IOptions<TwilioOptions> options, TimeProvider time) : IOneTimeCodeEngine
{
    public string Name => "one-time-code engine (local)";

    public int CodeLength => options.Value.CodeLength;

    public async Task<VerificationAnswer> StartAsync(VerificationStart start, CancellationToken cancellationToken)
    {
        var code = NewCode(options.Value.CodeLength);
        var codeHash = await hashes.CodeAsync(start.To, code, cancellationToken);
        var now = time.UtcNowInMicroseconds();
        CodeVerification verification;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.TakeDestinationTurnAsync(start.To.Hash, now, cancellationToken);
            await RefuseOverSendLimitAsync(start.To.Hash, now, cancellationToken);
            verification = await ResentAsync(start, codeHash, now, cancellationToken) ?? Begin(start, codeHash, now);
            db.CodeSends.Add(new CodeSend { Id = Guid.NewGuid(), VerificationId = verification.Id, DestinationHash = start.To.Hash, Channel = start.Channel, SentAt = now });
            delivery.Deliver(start.To, start.Channel, code);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return await AnswerAsync(verification, verification.Status, cancellationToken);
    }

    public async Task<VerificationAnswer> CheckAsync(VerificationAttempt attempt, CancellationToken cancellationToken)
    {
        var presented = await hashes.CodeAsync(attempt.To, attempt.Code, cancellationToken);
        var now = time.UtcNowInMicroseconds();
        var verification = await Pending(attempt.Owner, attempt.To.Hash).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (verification is null || verification.ExpiresAt <= now)
        {
            throw TwilioErrors.NotFound();
        }
        var id = verification.Id;
        // The approval names the hash compared, in the same statement that counts the check: a
        // resend that replaced the code a moment ago leaves it unmatched, and it counts as a wrong code.
        var approved = verification.CodeHash is { } stored && SecretHashes.Same(presented, stored)
            && await Checkable(id, now).Where(v => v.CodeHash == stored).ExecuteUpdateAsync(s => s
                .SetProperty(v => v.Checks, v => v.Checks + 1).SetProperty(v => v.Status, VerificationStatus.Approved).SetProperty(v => v.UpdatedAt, now), cancellationToken) == 1;
        if (!approved && await Checkable(id, now).ExecuteUpdateAsync(s => s
                .SetProperty(v => v.Checks, v => v.Checks + 1).SetProperty(v => v.UpdatedAt, now), cancellationToken) == 0)
        {
            // Approved by another check, expired, or out of checks: finished for this one, as for Twilio.
            throw await RefusalAsync(id, now, cancellationToken);
        }
        verification.UpdatedAt = now;
        return await AnswerAsync(verification, approved ? VerificationStatus.Approved : VerificationStatus.Pending, cancellationToken);
    }

    /// <summary>The verification while a check may still be counted against it, or a code resent to it.</summary>
    private IQueryable<CodeVerification> Checkable(Guid id, DateTime now) =>
        db.CodeVerifications.Where(v => v.Id == id && v.Status == VerificationStatus.Pending && v.Checks < OneTimeCodeRules.MaxChecks && v.ExpiresAt > now);

    /// <summary>Why a check could not be counted: the checks are used up (429 until it expires), or it is no longer pending.</summary>
    private async Task<ApiException> RefusalAsync(Guid id, DateTime now, CancellationToken cancellationToken)
    {
        var current = await db.CodeVerifications.AsNoTracking().FirstAsync(v => v.Id == id, cancellationToken);
        return current.Status == VerificationStatus.Pending && current.ExpiresAt > now && current.Checks >= OneTimeCodeRules.MaxChecks
            ? TwilioErrors.CheckAttemptsReached(current.ExpiresAt - now)
            : TwilioErrors.NotFound();
    }

    private async Task RefuseOverSendLimitAsync(string destinationHash, DateTime now, CancellationToken cancellationToken)
    {
        var windowStart = now - OneTimeCodeRules.SendWindow;
        var recent = await db.CodeSends.Where(s => s.DestinationHash == destinationHash && s.SentAt > windowStart)
            .OrderBy(s => s.SentAt).Select(s => s.SentAt).Take(OneTimeCodeRules.MaxSends).ToListAsync(cancellationToken);
        if (recent.Count >= OneTimeCodeRules.MaxSends)
        {
            throw TwilioErrors.SendAttemptsReached(recent[0] - windowStart);
        }
    }

    /// <summary>
    /// The owner's pending verification to the destination with its new code, or null when there is
    /// none to resend. The new code is written only while the verification is pending, unexpired and
    /// has checks left, so a check that approved it or used it up a moment ago is never undone; one
    /// that can no longer be resent is marked expired or canceled, and a new verification replaces it.
    /// </summary>
    private async Task<CodeVerification?> ResentAsync(VerificationStart start, string codeHash, DateTime now, CancellationToken cancellationToken)
    {
        var pending = await Pending(start.Owner, start.To.Hash).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (pending is null)
        {
            return null;
        }
        var id = pending.Id;
        if (await Checkable(id, now).ExecuteUpdateAsync(s => s
                .SetProperty(v => v.CodeHash, codeHash).SetProperty(v => v.Channel, start.Channel).SetProperty(v => v.UpdatedAt, now), cancellationToken) == 1)
        {
            pending.Channel = start.Channel;
            pending.UpdatedAt = now;
            return pending;
        }
        await db.CodeVerifications.Where(v => v.Id == id && v.Status == VerificationStatus.Pending).ExecuteUpdateAsync(s => s
            .SetProperty(v => v.Status, v => v.ExpiresAt <= now ? VerificationStatus.Expired : VerificationStatus.Canceled).SetProperty(v => v.UpdatedAt, now), cancellationToken);
        return null;
    }

    private CodeVerification Begin(VerificationStart start, string codeHash, DateTime now)
    {
        var verification = CodeVerification.Pending(start, TwilioSids.NewVerification(), now);
        verification.CodeHash = codeHash;
        verification.Channel = start.Channel;
        verification.UpdatedAt = now;
        db.CodeVerifications.Add(verification);
        return verification;
    }

    private IQueryable<CodeVerification> Pending(VerificationOwner owner, string destinationHash) =>
        db.CodeVerifications.OwnedBy(owner)
            .Where(v => v.DestinationHash == destinationHash && v.Status == VerificationStatus.Pending)
            .OrderByDescending(v => v.CreatedAt);

    private async Task<VerificationAnswer> AnswerAsync(CodeVerification verification, string status, CancellationToken cancellationToken)
    {
        var id = verification.Id;
        var sends = await db.CodeSends.AsNoTracking().Where(s => s.VerificationId == id).OrderBy(s => s.SentAt)
            .Select(s => new SendAttempt(s.Channel, s.SentAt)).ToListAsync(cancellationToken);
        var (service, account) = await hashes.LocalSidsAsync(cancellationToken);
        return new VerificationAnswer(verification.Sid, service, account, verification.Channel, status, sends, verification.CreatedAt, verification.UpdatedAt);
    }

    private static string NewCode(int length) =>
        string.Concat(Enumerable.Range(0, length).Select(_ => RandomNumberGenerator.GetInt32(10).ToString(CultureInfo.InvariantCulture)));
}
