using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Raytio.Clarity.Ocr;

/// <summary>
/// Reads an image's words with the Debian package's Tesseract library (its C API, in this
/// process) and returns its TSV word boxes. The library is the one the <c>tesseract</c> command
/// runs, called the way the command calls it (Leptonica decodes the image bytes, the same page
/// segmentation, resolution and variables), so the words are the command's; what is saved is the
/// command's start, about 100-130 ms a run (loading the language model), which was a third of a
/// raw run on a document and most of a one-line second reading. Initialised engines are kept in
/// a pool, one per concurrent reading; an engine is never used by two readings at once.
/// </summary>
public sealed unsafe class TesseractEngine(string library = TesseractEngine.DefaultLibrary)
{
    public const string DefaultLibrary = "libtesseract.so.5";

    /// <summary>Idle engines kept per language; more are made when more readings run at once, and deleted when returned over this.</summary>
    private static readonly int MaxIdleEngines = Math.Max(2, Environment.ProcessorCount);

    private static readonly ConcurrentDictionary<(string Library, string Language), ConcurrentBag<nint>> IdleEngines = CreatePools();

    /// <exception cref="OcrUnavailableException">The library is missing, has no data for the language, or could not read the image.</exception>
    public Task<IReadOnlyList<OcrWord>> ReadWordsAsync(
        ReadOnlyMemory<byte> image, TesseractOptions options, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var api = TesseractLibrary.Load(library);
        return Task.Run(() => Read(api, image, options, cancellationToken), cancellationToken);
    }

    private IReadOnlyList<OcrWord> Read(TesseractLibrary api, ReadOnlyMemory<byte> image, TesseractOptions options, CancellationToken cancellationToken)
    {
        var idle = IdleEngines.GetOrAdd((library, options.Language), _ => []);
        var engine = idle.TryTake(out var kept) ? kept : Start(api, options.Language);
        var pix = nint.Zero;
        var monitor = api.MonitorCreate();
        var token = GCHandle.Alloc(cancellationToken);
        try
        {
            fixed (byte* bytes = image.Span)
                pix = api.PixReadMem(bytes, (nuint)image.Length);
            if (pix == nint.Zero)
                throw new OcrUnavailableException("The OCR library could not read the image.");
            api.SetPageSegMode(engine, options.PageSegmentation);
            Set(api, engine, "user_defined_dpi", options.Dpi.ToString(CultureInfo.InvariantCulture));
            Set(api, engine, "tessedit_char_whitelist", options.CharacterWhitelist ?? "");
            api.SetImage2(engine, pix);
            api.MonitorSetCancelFunc(monitor, &Cancelled);
            api.MonitorSetCancelThis(monitor, GCHandle.ToIntPtr(token));
            var failed = api.Recognize(engine, monitor) != 0;
            cancellationToken.ThrowIfCancellationRequested();
            if (failed)
                throw new OcrUnavailableException("The OCR library failed to recognise the image.");
            var tsv = api.GetTsvText(engine, 0);
            try
            {
                return TesseractTsv.Parse(TsvHeader + Marshal.PtrToStringUTF8(tsv));
            }
            finally
            {
                api.DeleteText(tsv);
            }
        }
        finally
        {
            api.Clear(engine);
            if (pix != nint.Zero)
                api.PixDestroy(&pix);
            api.MonitorDelete(monitor);
            token.Free();
            if (idle.Count < MaxIdleEngines)
                idle.Add(engine);
            else
                api.Delete(engine);
        }
    }

    /// <summary>The header line the command's TSV renderer writes before the rows the library answers.</summary>
    private const string TsvHeader = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n";

    /// <summary>
    /// The pools, emptied when the process exits: Tesseract's shared model cache complains on
    /// standard error of every engine still alive when the library unloads.
    /// </summary>
    private static ConcurrentDictionary<(string Library, string Language), ConcurrentBag<nint>> CreatePools()
    {
        var pools = new ConcurrentDictionary<(string Library, string Language), ConcurrentBag<nint>>();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var ((name, _), idle) in pools)
            {
                var api = TesseractLibrary.Load(name);
                while (idle.TryTake(out var engine))
                    api.Delete(engine);
            }
        };
        return pools;
    }

    private static nint Start(TesseractLibrary api, string language)
    {
        var engine = api.Create();
        fixed (byte* name = Terminated(language))
        {
            if (api.Init3(engine, null, name) == 0)
                return engine;
        }
        api.Delete(engine);
        throw new OcrUnavailableException($"The OCR library has no data for the language '{language}'.");
    }

    private static void Set(TesseractLibrary api, nint engine, string name, string value)
    {
        fixed (byte* n = Terminated(name))
        fixed (byte* v = Terminated(value))
        {
            if (api.SetVariable(engine, n, v) == 0)
                throw new OcrUnavailableException($"The OCR library does not know the variable '{name}'.");
        }
    }

    private static byte[] Terminated(string text) => Encoding.UTF8.GetBytes(text + '\0');

    /// <summary>Tesseract's cancel callback: asked between words, true stops the recognition.</summary>
    [UnmanagedCallersOnly]
    private static int Cancelled(nint cancelThis, int words) =>
        ((CancellationToken)GCHandle.FromIntPtr(cancelThis).Target!).IsCancellationRequested ? 1 : 0;
}
