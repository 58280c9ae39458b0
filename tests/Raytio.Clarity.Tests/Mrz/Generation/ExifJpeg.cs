namespace Raytio.Clarity.Tests.Mrz.Generation;

/// <summary>
/// Adds an EXIF orientation tag to a JPEG the way a camera writes it: an APP1 segment right
/// after the start-of-image marker, holding a little-endian TIFF header and one IFD entry.
/// </summary>
public static class ExifJpeg
{
    public static byte[] WithOrientation(byte[] jpeg, ushort orientation)
    {
        byte[] tiff =
        [
            (byte)'I', (byte)'I', 42, 0, 8, 0, 0, 0, // TIFF header, first IFD at offset 8
            1, 0, // one entry
            0x12, 0x01, 3, 0, 1, 0, 0, 0, (byte)orientation, 0, 0, 0, // Orientation (0x0112), SHORT, count 1
            0, 0, 0, 0, // no next IFD
        ];
        var payload = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        var length = payload.Length + 2;
        byte[] app1 = [0xFF, 0xE1, (byte)(length >> 8), (byte)length];
        return [.. jpeg[..2], .. app1, .. payload, .. jpeg[2..]];
    }
}
