using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Signing;

namespace Raytio.Server.Features.Audit;

/// <summary>
/// Checks the sealed chain (the `audit verify` command): walks the sealed events by seal sequence,
/// which must run 1, 2, 3, ... without a gap, each previous hash must be the hash of the event
/// before it, and each hash must be the one its fields give. Reports the first event that breaks
/// one of these, the chain's head hash (keep it elsewhere to detect a rewritten tail) and how many
/// events wait to be sealed.
/// </summary>
public sealed class AuditVerifier(RaytioDbContext db)
{
    private const int PageSize = 1_000;

    public sealed record Break(long SealSequence, long EventId, string Reason);

    public sealed record Result(long Sealed, long Unsealed, byte[] Head, Break? FirstBreak);

    public async Task<Result> VerifyAsync(CancellationToken cancellationToken)
    {
        var expected = 1L;
        var previous = AuditChain.Genesis();
        while (true)
        {
            var after = expected - 1;
            var page = await db.AuditEvents.AsNoTracking()
                .Where(e => e.SealSequence > after)
                .OrderBy(e => e.SealSequence)
                .Take(PageSize)
                .ToListAsync(cancellationToken);
            foreach (var sealedEvent in page)
            {
                if (Check(sealedEvent, expected, previous) is { } reason)
                {
                    return new Result(expected - 1, await UnsealedAsync(cancellationToken), previous, new Break(sealedEvent.SealSequence!.Value, sealedEvent.Id, reason));
                }
                previous = sealedEvent.Hash!;
                expected++;
            }
            if (page.Count < PageSize)
            {
                return new Result(expected - 1, await UnsealedAsync(cancellationToken), previous, null);
            }
        }
    }

    private static string? Check(AuditEvent sealedEvent, long expected, byte[] previous)
    {
        if (sealedEvent.SealSequence != expected)
        {
            return $"gap in sequence: expected seal sequence {expected}";
        }
        if (sealedEvent.PreviousHash is null || !sealedEvent.PreviousHash.AsSpan().SequenceEqual(previous))
        {
            return expected == 1 ? "previous-hash mismatch: the first event's previous hash is not zeros" : $"previous-hash mismatch: not the hash of seal sequence {expected - 1}";
        }
        try
        {
            var recomputed = AuditChain.Hash(sealedEvent.PreviousHash, sealedEvent);
            return sealedEvent.Hash is not null && recomputed.AsSpan().SequenceEqual(sealedEvent.Hash) ? null : "hash mismatch: the event's fields do not give its stored hash";
        }
        catch (CanonicalizationException)
        {
            return "hash mismatch: the event's JSON is not valid JSON";
        }
    }

    private Task<int> UnsealedAsync(CancellationToken cancellationToken) =>
        db.AuditEvents.CountAsync(e => e.SealSequence == null, cancellationToken);
}
