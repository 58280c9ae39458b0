using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using ImageMagick;

namespace Raytio.Clarity.Tests.Imaging;

/// <summary>Small images and hand-built files for the decoder's tests.</summary>
internal static class TestImages
{
    public static byte[] Encoded(MagickFormat format, uint width = 120, uint height = 60)
    {
        using var image = new MagickImage(MagickColors.White, width, height);
        // A black left half tells whether the picture was turned.
        new ImageMagick.Drawing.Drawables().FillColor(MagickColors.Black).Rectangle(0, 0, width / 2.0, height).Draw(image);
        image.Format = format;
        return image.ToByteArray();
    }

    /// <summary>A JPEG carrying an EXIF orientation tag, as a camera held sideways writes it.</summary>
    public static byte[] JpegWithExifOrientation(ushort orientation) =>
        Mrz.Generation.ExifJpeg.WithOrientation(Encoded(MagickFormat.Jpeg), orientation);

    /// <summary>
    /// A PNG whose header declares <paramref name="width"/> x <paramref name="height"/> grey pixels
    /// and whose data is a few kilobytes of compressed zeros: a decompression bomb.
    /// </summary>
    public static byte[] PngBomb(uint width, uint height)
    {
        using var output = new MemoryStream();
        output.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, width);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 0; // greyscale
        Chunk(output, "IHDR", header);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
                zlib.Write(new byte[1024 * 1024]);
            Chunk(output, "IDAT", compressed.ToArray());
        }
        Chunk(output, "IEND", []);
        return output.ToArray();
    }

    /// <summary>A one-page PDF drawing a black square on a 200 x 100 point page.</summary>
    public static byte[] Pdf()
    {
        const string content = "0 0 0 rg 20 20 60 60 re f";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
            pdf.Append($"{offset:D10} 00000 n \n");
        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)data.Length);
        output.Write(length);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        output.Write(typeAndData);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typeAndData));
        output.Write(crc);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }
}
