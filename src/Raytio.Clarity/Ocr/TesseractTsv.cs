using System.Globalization;

namespace Raytio.Clarity.Ocr;

/// <summary>
/// Reads Tesseract's TSV output: a header line, then one row per layout element with the
/// columns level, page_num, block_num, par_num, line_num, word_num, left, top, width, height,
/// conf, text. Only level 5 (a word) with text is kept.
/// </summary>
public static class TesseractTsv
{
    private const int WordLevel = 5;
    private const int ColumnCount = 12;

    public static IReadOnlyList<OcrWord> Parse(string tsv)
    {
        var words = new List<OcrWord>();
        using var reader = new StringReader(tsv);
        var header = reader.ReadLine();
        if (header is null)
            return words;
        if (!header.StartsWith("level\t", StringComparison.Ordinal))
            throw new FormatException("Tesseract TSV output has no header line.");
        while (reader.ReadLine() is { } line)
        {
            var columns = line.Split('\t');
            if (columns.Length < ColumnCount || Int(columns[0]) != WordLevel)
                continue;
            var text = columns[11].Trim();
            if (text.Length == 0)
                continue;
            var box = new PixelBox(Int(columns[6]), Int(columns[7]), Int(columns[8]), Int(columns[9]));
            var confidence = double.Parse(columns[10], NumberStyles.Float, CultureInfo.InvariantCulture);
            words.Add(new OcrWord(text, box, confidence, Int(columns[2]), Int(columns[3]), Int(columns[4])));
        }
        return words;
    }

    private static int Int(string value) => int.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture);
}
