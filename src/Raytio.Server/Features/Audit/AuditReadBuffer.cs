using System.Collections.Concurrent;

namespace Raytio.Server.Features.Audit;

/// <summary>
/// Read events waiting to be written: reads of objects must not become database writes on the
/// hot path, so they are queued here and appended in batches.
/// </summary>
public sealed class AuditReadBuffer
{
    private readonly ConcurrentQueue<AuditEvent> _pending = new();

    public void Enqueue(AuditEvent read) => _pending.Enqueue(read);

    /// <summary>Takes up to <paramref name="max"/> queued events, oldest first.</summary>
    public List<AuditEvent> Take(int max)
    {
        var taken = new List<AuditEvent>();
        while (taken.Count < max && _pending.TryDequeue(out var read))
        {
            taken.Add(read);
        }
        return taken;
    }
}
