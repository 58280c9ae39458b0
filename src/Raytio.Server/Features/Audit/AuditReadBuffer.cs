using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Raytio.Server.Features.Audit;

/// <summary>
/// Read events waiting to be written: reads of objects must not become database writes on the
/// hot path, so they are queued here and appended in batches by <see cref="AuditReadWriter"/>.
/// The queue is bounded (Raytio:Audit:MaxQueuedReads): while the database cannot take them, the
/// oldest are dropped, counted by the `raytio.audit.reads_dropped` metric and logged as errors.
/// </summary>
public sealed partial class AuditReadBuffer
{
    public const int BatchSize = 500;

    public const string DroppedCounterName = "raytio.audit.reads_dropped";

    /// <summary>An error is logged at the first drop and at every this many drops after it, not once per event.</summary>
    private const long DropsPerLogLine = 10_000;

    private readonly ConcurrentQueue<AuditEvent> _pending = new();
    private readonly Channel<bool> _batchReady = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly int _capacity;
    private readonly Counter<long> _droppedCounter;
    private readonly ILogger<AuditReadBuffer> _logger;
    private int _count;
    private long _dropped;

    public AuditReadBuffer(IOptions<AuditOptions> options, IMeterFactory meters, ILogger<AuditReadBuffer> logger)
    {
        _capacity = options.Value.MaxQueuedReads;
        _droppedCounter = meters.Create("Raytio.Audit").CreateCounter<long>(DroppedCounterName, description: "Read events dropped because the queue was full");
        _logger = logger;
    }

    /// <summary>Events queued now.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Events dropped since start because the queue was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Signalled when a full batch is waiting, so the writer need not wait for its next tick.</summary>
    public ChannelReader<bool> BatchReady => _batchReady.Reader;

    public void Enqueue(AuditEvent read)
    {
        _pending.Enqueue(read);
        var count = Interlocked.Increment(ref _count);
        if (count > _capacity && _pending.TryDequeue(out _))
        {
            Interlocked.Decrement(ref _count);
            RecordDrop();
        }
        if (count >= BatchSize)
        {
            _batchReady.Writer.TryWrite(true);
        }
    }

    /// <summary>Takes up to <paramref name="max"/> queued events, oldest first.</summary>
    public List<AuditEvent> Take(int max)
    {
        var taken = new List<AuditEvent>();
        while (taken.Count < max && _pending.TryDequeue(out var read))
        {
            Interlocked.Decrement(ref _count);
            taken.Add(read);
        }
        return taken;
    }

    private void RecordDrop()
    {
        _droppedCounter.Add(1);
        var dropped = Interlocked.Increment(ref _dropped);
        if (dropped % DropsPerLogLine == 1)
        {
            LogDropped(_logger, dropped, _capacity);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit read events dropped: {Dropped} so far, the queue is full ({Capacity}); the database is not taking them")]
    private static partial void LogDropped(ILogger logger, long dropped, int capacity);
}
