using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Raytio.Clarity.Preparation;

namespace Raytio.Clarity.Ocr;

/// <summary>
/// Reads an image's words with the Debian package's Tesseract library (its C API, in this
/// process) and returns its TSV word boxes. The library is the one the <c>tesseract</c> command
/// runs, called the way the command calls it (Leptonica decodes image bytes, a prepared page's
/// pixels are handed over as they are; the same page segmentation, resolution and variables), so
/// the words are the command's. What is saved is the command's start, about 100-130 ms a run
/// (loading the language model): a third of a raw run on a document and most of a one-line
/// second reading. Initialised engines are kept in a pool, one per concurrent reading; an engine
/// is never used by two readings at once, and at most <see cref="TesseractReadingSlots.Count"/>
/// readings run at once (the rest wait), so the pool never grows past that.
/// </summary>
public sealed unsafe class TesseractEngine(string library = TesseractEngine.DefaultLibrary)
{
    public const string DefaultLibrary = "libtesseract.so.5";

    private static readonly ConcurrentDictionary<(string Library, string Language), ConcurrentBag<nint>> IdleEngines = CreatePools();

    /// <exception cref="OcrUnavailableException">The library is missing, has no data for the language, or could not read the image.</exception>
    public Task<IReadOnlyList<OcrWord>> ReadWordsAsync(
        ReadOnlyMemory<byte> image, TesseractOptions options, CancellationToken cancellationToken) =>
        ReadAsync(options, cancellationToken, (api, engine) =>
        {
            nint pix;
            fixed (byte* bytes = image.Span)
                pix = api.PixReadMem(bytes, (nuint)image.Length);
            if (pix == nint.Zero)
                throw new OcrUnavailableException("The OCR library could not read the image.");
            api.SetImage2(engine, pix);
            return pix;
        });

    /// <summary>
    /// Reads a page already in memory, its bytes handed over as they are: no image file is
    /// written and parsed again (Leptonica reads PGM a byte at a time, a tenth of a page's OCR).
    /// </summary>
    /// <exception cref="OcrUnavailableException">The library is missing or has no data for the language.</exception>
    public Task<IReadOnlyList<OcrWord>> ReadWordsAsync(
        PixelRaster page, TesseractOptions options, CancellationToken cancellationToken) =>
        ReadAsync(options, cancellationToken, (api, engine) =>
        {
            fixed (byte* bytes = page.Pixels)
                api.SetImage(engine, bytes, page.Width, page.Height, page.Channels, page.Width * page.Channels);
            return nint.Zero;
        });

    /// <param name="setImage">Gives the engine its image; answers the Leptonica image to destroy after the reading, or zero.</param>
    private Task<IReadOnlyList<OcrWord>> ReadAsync(TesseractOptions options, CancellationToken cancellationToken,
        Func<TesseractLibrary, nint, nint> setImage)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var api = TesseractLibrary.Load(library);
        return TesseractReadingSlots.RunAsync(() => Read(api, options, setImage, cancellationToken), cancellationToken);
    }

    private IReadOnlyList<OcrWord> Read(TesseractLibrary api, TesseractOptions options, Func<TesseractLibrary, nint, nint> setImage,
        CancellationToken cancellationToken)
    {
        var idle = IdleEngines.GetOrAdd((library, options.Language), _ => []);
        var engine = idle.TryTake(out var kept) ? kept : Start(api, options.Language);
        var pix = nint.Zero;
        var monitor = api.MonitorCreate();
        var token = GCHandle.Alloc(cancellationToken);
        try
        {
            api.SetPageSegMode(engine, options.PageSegmentation);
            Set(api, engine, "user_defined_dpi", options.Dpi.ToString(CultureInfo.InvariantCulture));
            Set(api, engine, "tessedit_char_whitelist", options.CharacterWhitelist ?? "");
            pix = setImage(api, engine);
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
            if (idle.Count < TesseractReadingSlots.Count)
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
            {
                // Tesseract's diagnostics ("Line cannot be recognized!!" for a sliver of a box)
                // went to the command's standard error, which nobody read; in process they would
                // fill the server's.
                Set(api, engine, "debug_file", "/dev/null");
                return engine;
            }
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
