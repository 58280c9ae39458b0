using System.Text;
using ImageMagick;

namespace Raytio.Clarity.Preparation;

/// <summary>
/// An 8-bit image in memory, gray (1 channel) or RGB (3), rows top to bottom. Turning a page is
/// done here rather than with ImageMagick's rotate, whose three shear passes cost seconds on a
/// busy machine for a page this code turns in tens of milliseconds; and a gray page goes to
/// Tesseract straight from these bytes.
/// </summary>
public sealed class PixelRaster(int width, int height, int channels, byte[] pixels)
{
    private const byte Background = 255;

    public int Width => width;
    public int Height => height;
    public int Channels => channels;
    public byte[] Pixels => pixels;

    /// <summary>The pixels of an ImageMagick image: gray when it is gray, else RGB.</summary>
    public static PixelRaster From(MagickImage image)
    {
        var gray = image.ColorType is ColorType.Grayscale or ColorType.GrayscaleAlpha || image.ColorSpace == ColorSpace.Gray;
        using var data = image.GetPixels();
        var bytes = data.ToByteArray(gray ? "R" : "RGB") ?? [];
        return new PixelRaster((int)image.Width, (int)image.Height, gray ? 1 : 3, bytes);
    }

    /// <summary>
    /// Turned by <paramref name="degrees"/> (clockwise, y down) about the centre onto a canvas
    /// that holds the whole turned image, as ImageMagick's rotate does, with bilinear sampling and
    /// white where no pixel of the image falls.
    /// </summary>
    public PixelRaster Rotate(double degrees)
    {
        var (sin, cos) = Math.SinCos(degrees * Math.PI / 180);
        var outWidth = (int)Math.Ceiling(Math.Abs(width * cos) + Math.Abs(height * sin) - 1e-6);
        var outHeight = (int)Math.Ceiling(Math.Abs(width * sin) + Math.Abs(height * cos) - 1e-6);
        var output = new byte[outWidth * outHeight * channels];
        var (centerX, centerY) = (width / 2.0, height / 2.0);
        var (outCenterX, outCenterY) = (outWidth / 2.0, outHeight / 2.0);
        for (var y = 0; y < outHeight; y++)
        {
            var dy = y - outCenterY;
            for (var x = 0; x < outWidth; x++)
            {
                var dx = x - outCenterX;
                var sourceX = dx * cos + dy * sin + centerX;
                var sourceY = -dx * sin + dy * cos + centerY;
                var at = (y * outWidth + x) * channels;
                if (channels == 1 && sourceX >= 0 && sourceY >= 0 && sourceX < width - 1 && sourceY < height - 1)
                    output[at] = SampleInside(sourceX, sourceY);
                else
                    Sample(sourceX, sourceY, output, at);
            }
        }
        return new PixelRaster(outWidth, outHeight, channels, output);
    }

    /// <summary>
    /// The same bilinear value as <see cref="Sample"/> for a gray point whose four neighbours are
    /// all on the image, without the edge checks: nearly every pixel of a turned page.
    /// </summary>
    private byte SampleInside(double x, double y)
    {
        var left = (int)x;
        var top = (int)y;
        var fx = x - left;
        var fy = y - top;
        var at = top * width + left;
        var topRow = Lerp(pixels[at], pixels[at + 1], fx);
        var bottomRow = Lerp(pixels[at + width], pixels[at + width + 1], fx);
        return (byte)Math.Round(Lerp(topRow, bottomRow, fy));
    }

    /// <summary>
    /// A gray copy whose longer side is at most <paramref name="maxSide"/>, each pixel the mean of
    /// the area of this image it covers (separable, fractional weights at the edges of each area).
    /// </summary>
    public PixelRaster Shrunk(int maxSide)
    {
        if (channels != 1)
            throw new InvalidOperationException("Only a gray image is shrunk.");
        var factor = (double)Math.Max(width, height) / maxSide;
        if (factor <= 1)
            return this;
        var outWidth = Math.Max(1, (int)Math.Round(width / factor));
        var outHeight = Math.Max(1, (int)Math.Round(height / factor));
        var columns = Covers(outWidth, (double)width / outWidth, width);
        var rows = Covers(outHeight, (double)height / outHeight, height);
        var across = new float[height * outWidth];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < outWidth; x++)
            {
                var sum = 0f;
                foreach (var (from, weight) in columns[x])
                    sum += pixels[y * width + from] * weight;
                across[y * outWidth + x] = sum;
            }
        }
        var output = new byte[outWidth * outHeight];
        var line = new float[outWidth];
        for (var y = 0; y < outHeight; y++)
        {
            Array.Clear(line);
            foreach (var (from, weight) in rows[y])
            {
                for (var x = 0; x < outWidth; x++)
                    line[x] += across[from * outWidth + x] * weight;
            }
            for (var x = 0; x < outWidth; x++)
                output[y * outWidth + x] = (byte)Math.Clamp(MathF.Round(line[x]), 0, 255);
        }
        return new PixelRaster(outWidth, outHeight, 1, output);
    }

    /// <summary>The part inside the rectangle, clipped to the image; null when nothing of it is on the image.</summary>
    public PixelRaster? Crop(int left, int top, int cropWidth, int cropHeight)
    {
        var x0 = Math.Max(0, left);
        var y0 = Math.Max(0, top);
        var x1 = Math.Min(width, left + cropWidth);
        var y1 = Math.Min(height, top + cropHeight);
        if (x1 - x0 < 2 || y1 - y0 < 2)
            return null;
        var output = new byte[(x1 - x0) * (y1 - y0) * channels];
        var rowBytes = (x1 - x0) * channels;
        for (var y = y0; y < y1; y++)
            Array.Copy(pixels, (y * width + x0) * channels, output, (y - y0) * rowBytes, rowBytes);
        return new PixelRaster(x1 - x0, y1 - y0, channels, output);
    }

    /// <summary>Binary PGM (gray) or PPM (RGB), which Tesseract and ImageMagick read without a decoder's cost.</summary>
    public byte[] ToNetpbm()
    {
        var header = Encoding.ASCII.GetBytes($"{(channels == 1 ? "P5" : "P6")}\n{width} {height}\n255\n");
        var file = new byte[header.Length + pixels.Length];
        header.CopyTo(file, 0);
        pixels.CopyTo(file, header.Length);
        return file;
    }

    public MagickImage ToMagickImage() => new(ToNetpbm(), channels == 1 ? MagickFormat.Pgm : MagickFormat.Ppm);

    /// <summary>For each of <paramref name="count"/> output positions, the input positions its area covers and the share of each.</summary>
    private static (int From, float Weight)[][] Covers(int count, double factor, int size)
    {
        var covers = new (int From, float Weight)[count][];
        for (var i = 0; i < count; i++)
        {
            var start = i * factor;
            var end = Math.Min((i + 1) * factor, size);
            var first = (int)start;
            var last = Math.Min(size - 1, (int)Math.Ceiling(end) - 1);
            covers[i] = Enumerable.Range(first, last - first + 1)
                .Select(j => (j, (float)((Math.Min(j + 1, end) - Math.Max(j, start)) / (end - start))))
                .ToArray();
        }
        return covers;
    }

    private void Sample(double x, double y, byte[] output, int at)
    {
        var left = (int)Math.Floor(x);
        var top = (int)Math.Floor(y);
        if (left < -1 || top < -1 || left >= width || top >= height)
        {
            output.AsSpan(at, channels).Fill(Background);
            return;
        }
        var fx = x - left;
        var fy = y - top;
        for (var c = 0; c < channels; c++)
        {
            var topRow = Lerp(At(left, top, c), At(left + 1, top, c), fx);
            var bottomRow = Lerp(At(left, top + 1, c), At(left + 1, top + 1, c), fx);
            output[at + c] = (byte)Math.Clamp(Math.Round(Lerp(topRow, bottomRow, fy)), 0, 255);
        }
    }

    private double At(int x, int y, int channel) =>
        x < 0 || y < 0 || x >= width || y >= height ? Background : pixels[(y * width + x) * channels + channel];

    private static double Lerp(double a, double b, double t) => a + (b - a) * t;
}
