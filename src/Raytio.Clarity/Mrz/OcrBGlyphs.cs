using ImageMagick;
using ImageMagick.Drawing;

namespace Raytio.Clarity.Mrz;

/// <summary>
/// The shapes of the 37 MRZ characters in OCR-B, the typeface ICAO 9303 prescribes, drawn from
/// the font file and reduced to the same grids as the cells of a zone, with each glyph's height,
/// place and width relative to a digit's height (the filler is a short chevron; the digits stand
/// some 7% taller than the capitals).
/// </summary>
public sealed class OcrBGlyphs
{
    public const string DefaultFontPath = "/usr/share/fonts/opentype/ocr-b/OCRB.otf";
    public const int Columns = 10;
    public const int Rows = 14;

    private OcrBGlyphs(IReadOnlyList<Glyph> glyphs) => All = glyphs;

    public sealed record Glyph(char Character, double[] Shape, double RelativeHeight, double RelativeTop, double RelativeWidth);

    public IReadOnlyList<Glyph> All { get; }

    /// <summary>The glyphs drawn from the font, or null when the font file is not installed.</summary>
    public static OcrBGlyphs? Load(string fontPath)
    {
        if (!File.Exists(fontPath))
            return null;
        const int size = 120;
        var glyphs = new List<Glyph>();
        double capTop = 0, capHeight = 1;
        // Sizes are relative to the digits' height: OCR-B's digits stand a little taller than its
        // capitals, which is what tells 0 from O once both are scaled to a grid.
        foreach (var c in "0" + MrzReader.Alphabet)
        {
            using var image = new MagickImage(MagickColors.White, size, size);
            new Drawables().Font(fontPath).FontPointSize(80).FillColor(MagickColors.Black).Text(20, 95, c.ToString()).Draw(image);
            var map = GrayMap.From(image);
            if (map.InkBox(0, 0, size, size, 128) is not var (left, top, right, bottom))
                continue;
            if (glyphs.Count == 0 && capHeight == 1)
            {
                (capTop, capHeight) = (top, bottom - top);
                continue;
            }
            glyphs.Add(new Glyph(c, Normalised(map.Grid(left, top, right, bottom, Columns, Rows)),
                (bottom - top) / capHeight, (top - capTop) / capHeight, (right - left) / capHeight));
        }
        return new OcrBGlyphs(glyphs);
    }

    /// <summary>Zero mean, unit length: correlation then ignores ink darkness and contrast.</summary>
    public static double[] Normalised(double[] grid)
    {
        var mean = grid.Average();
        var centred = grid.Select(v => v - mean).ToArray();
        var length = Math.Sqrt(centred.Sum(v => v * v));
        return length < 1e-9 ? centred : centred.Select(v => v / length).ToArray();
    }
}
