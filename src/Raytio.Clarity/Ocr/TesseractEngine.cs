using System.Diagnostics;
using System.Globalization;

namespace Raytio.Clarity.Ocr;

/// <summary>
/// Runs the Debian <c>tesseract</c> command on an image given on standard input and reads its
/// TSV word boxes. A process per image keeps a crash or a hostile image out of the server's
/// process, and the command is the same one the benchmark compares against.
/// </summary>
public sealed class TesseractEngine(string executable = "tesseract")
{
    /// <exception cref="OcrUnavailableException">The command is missing or failed.</exception>
    public async Task<IReadOnlyList<OcrWord>> ReadWordsAsync(
        ReadOnlyMemory<byte> image, TesseractOptions options, CancellationToken cancellationToken)
    {
        using var process = new Process { StartInfo = StartInfo(options) };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new OcrUnavailableException($"The OCR command '{executable}' could not be started: {e.Message}");
        }
        using var kill = cancellationToken.Register(() => KillQuietly(process));
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardInput.BaseStream.WriteAsync(image, cancellationToken);
        process.StandardInput.Close();
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
            throw new OcrUnavailableException($"The OCR command failed ({process.ExitCode}): {(await errors).Trim()}");
        return TesseractTsv.Parse(await output);
    }

    private ProcessStartInfo StartInfo(TesseractOptions options)
    {
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "stdin", "stdout", "-l", options.Language, "--psm",
                     options.PageSegmentation.ToString(CultureInfo.InvariantCulture),
                     "--dpi", options.Dpi.ToString(CultureInfo.InvariantCulture) })
            info.ArgumentList.Add(argument);
        if (options.CharacterWhitelist is { } whitelist)
        {
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add($"tessedit_char_whitelist={whitelist}");
        }
        info.ArgumentList.Add("tsv");
        // One thread per process: requests already run in parallel, and OpenMP threads on a
        // small machine only contend with each other.
        info.Environment["OMP_THREAD_LIMIT"] = "1";
        return info;
    }

    private static void KillQuietly(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }
}
