using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace Raytio.Clarity.Imaging;

/// <summary>
/// Renders a PDF's first page to PNG with poppler's <c>pdftoppm</c>, in its own process so that
/// a hostile PDF cannot harm the server. The rendered area is cropped to the image limits, so a
/// page declaring an enormous media box still renders to a bounded image.
/// </summary>
public sealed class PdfRasterizer(string executable = "pdftoppm")
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <exception cref="UnreadableImageException">pdftoppm is missing, or the PDF could not be rendered.</exception>
    public async Task<byte[]> RenderFirstPageAsync(ReadOnlyMemory<byte> pdf, ImageLimits limits, CancellationToken cancellationToken)
    {
        using var process = new Process { StartInfo = StartInfo(limits) };
        try
        {
            process.Start();
        }
        catch (Win32Exception)
        {
            throw new UnreadableImageException(
                $"PDF uploads need the '{executable}' command (Debian package poppler-utils), which this server lacks; send a JPEG, PNG or TIFF.");
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        using var kill = timeout.Token.Register(() => KillQuietly(process));
        using var output = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output, timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.StandardInput.BaseStream.WriteAsync(pdf, timeout.Token);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // pdftoppm stopped reading (a damaged file); its exit code says so below.
        }
        await copy;
        await process.WaitForExitAsync(timeout.Token);
        cancellationToken.ThrowIfCancellationRequested();
        if (process.ExitCode != 0 || output.Length == 0)
            throw new UnreadableImageException($"The PDF's first page could not be rendered: {(await errors).Trim()}");
        return output.ToArray();
    }

    private ProcessStartInfo StartInfo(ImageLimits limits)
    {
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var side = Math.Min(Math.Min(limits.MaxWidth, limits.MaxHeight), (long)Math.Sqrt(limits.MaxPixels))
            .ToString(CultureInfo.InvariantCulture);
        foreach (var argument in new[]
                 {
                     "-f", "1", "-l", "1", "-singlefile", "-png",
                     "-r", limits.PdfDpi.ToString(CultureInfo.InvariantCulture),
                     // -W and -H crop the rendered area: any real document page fits, a giant one is cut.
                     "-W", side, "-H", side,
                     "-",
                 })
            info.ArgumentList.Add(argument);
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
