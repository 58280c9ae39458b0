namespace Raytio.Clarity.Ocr;

/// <summary>
/// At most <see cref="Count"/> Tesseract readings run at once in the process; the rest wait their
/// turn. Each running reading holds an engine with its model loaded, so a burst of uploads must
/// not start one per request. (Apart from <see cref="TesseractEngine"/> because an unsafe class
/// cannot await.)
/// </summary>
internal static class TesseractReadingSlots
{
    public static readonly int Count = Math.Max(2, Environment.ProcessorCount);

    private static readonly SemaphoreSlim Slots = new(Count);

    public static async Task<T> RunAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        await Slots.WaitAsync(cancellationToken);
        try
        {
            return await Task.Run(work, cancellationToken);
        }
        finally
        {
            Slots.Release();
        }
    }
}
