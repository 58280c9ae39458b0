using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Raytio.Clarity.Ocr;

/// <summary>
/// The functions of Tesseract's C API (capi.h) and Leptonica's image reader that
/// <see cref="TesseractEngine"/> calls, resolved from the shared library the Debian package
/// installs (libtesseract.so.5; Leptonica is found through its dependencies). One instance per
/// library name per process.
/// </summary>
internal sealed unsafe class TesseractLibrary
{
    private static readonly ConcurrentDictionary<string, Lazy<TesseractLibrary>> Loaded = new(StringComparer.Ordinal);

    public readonly delegate* unmanaged<nint> Create;
    public readonly delegate* unmanaged<nint, void> Delete;
    public readonly delegate* unmanaged<nint, byte*, byte*, int> Init3;
    public readonly delegate* unmanaged<nint, byte*, byte*, int> SetVariable;
    public readonly delegate* unmanaged<nint, int, void> SetPageSegMode;
    public readonly delegate* unmanaged<nint, nint, void> SetImage2;
    public readonly delegate* unmanaged<nint, byte*, int, int, int, int, void> SetImage;
    public readonly delegate* unmanaged<nint, nint, int> Recognize;
    public readonly delegate* unmanaged<nint, int, nint> GetTsvText;
    public readonly delegate* unmanaged<nint, void> DeleteText;
    public readonly delegate* unmanaged<nint, void> Clear;
    public readonly delegate* unmanaged<nint> MonitorCreate;
    public readonly delegate* unmanaged<nint, void> MonitorDelete;
    public readonly delegate* unmanaged<nint, delegate* unmanaged<nint, int, int>, void> MonitorSetCancelFunc;
    public readonly delegate* unmanaged<nint, nint, void> MonitorSetCancelThis;
    public readonly delegate* unmanaged<byte*, nuint, nint> PixReadMem;
    public readonly delegate* unmanaged<nint*, void> PixDestroy;

    private TesseractLibrary(nint handle)
    {
        Create = (delegate* unmanaged<nint>)Export(handle, "TessBaseAPICreate");
        Delete = (delegate* unmanaged<nint, void>)Export(handle, "TessBaseAPIDelete");
        Init3 = (delegate* unmanaged<nint, byte*, byte*, int>)Export(handle, "TessBaseAPIInit3");
        SetVariable = (delegate* unmanaged<nint, byte*, byte*, int>)Export(handle, "TessBaseAPISetVariable");
        SetPageSegMode = (delegate* unmanaged<nint, int, void>)Export(handle, "TessBaseAPISetPageSegMode");
        SetImage2 = (delegate* unmanaged<nint, nint, void>)Export(handle, "TessBaseAPISetImage2");
        SetImage = (delegate* unmanaged<nint, byte*, int, int, int, int, void>)Export(handle, "TessBaseAPISetImage");
        Recognize = (delegate* unmanaged<nint, nint, int>)Export(handle, "TessBaseAPIRecognize");
        GetTsvText = (delegate* unmanaged<nint, int, nint>)Export(handle, "TessBaseAPIGetTsvText");
        DeleteText = (delegate* unmanaged<nint, void>)Export(handle, "TessDeleteText");
        Clear = (delegate* unmanaged<nint, void>)Export(handle, "TessBaseAPIClear");
        MonitorCreate = (delegate* unmanaged<nint>)Export(handle, "TessMonitorCreate");
        MonitorDelete = (delegate* unmanaged<nint, void>)Export(handle, "TessMonitorDelete");
        MonitorSetCancelFunc = (delegate* unmanaged<nint, delegate* unmanaged<nint, int, int>, void>)Export(handle, "TessMonitorSetCancelFunc");
        MonitorSetCancelThis = (delegate* unmanaged<nint, nint, void>)Export(handle, "TessMonitorSetCancelThis");
        PixReadMem = (delegate* unmanaged<byte*, nuint, nint>)Export(handle, "pixReadMem");
        PixDestroy = (delegate* unmanaged<nint*, void>)Export(handle, "pixDestroy");
    }

    /// <exception cref="OcrUnavailableException">The library is missing or lacks a function.</exception>
    public static TesseractLibrary Load(string name) => Loaded.GetOrAdd(name, n => new Lazy<TesseractLibrary>(() => Open(n))).Value;

    private static TesseractLibrary Open(string name)
    {
        LimitOpenMpThreads();
        if (!NativeLibrary.TryLoad(name, out var handle))
            throw new OcrUnavailableException($"The OCR library '{name}' could not be loaded.");
        return new TesseractLibrary(handle);
    }

    private static nint Export(nint handle, string function) =>
        NativeLibrary.TryGetExport(handle, function, out var address)
            ? address
            : throw new OcrUnavailableException($"The OCR library lacks the function '{function}'.");

    /// <summary>
    /// One OpenMP thread per recognition, unless the operator said otherwise: requests already run
    /// in parallel, and Tesseract's OpenMP threads on a small machine only contend with each other.
    /// libgomp reads the variable when it is loaded, from the C environment, which .NET's own
    /// environment functions do not change; hence libc's setenv, before the library is loaded.
    /// </summary>
    private static void LimitOpenMpThreads()
    {
        if (!NativeLibrary.TryGetExport(NativeLibrary.GetMainProgramHandle(), "setenv", out var address))
            return;
        var setenv = (delegate* unmanaged<byte*, byte*, int, int>)address;
        fixed (byte* name = "OMP_THREAD_LIMIT\0"u8)
        fixed (byte* value = "1\0"u8)
            setenv(name, value, 0);
    }
}
