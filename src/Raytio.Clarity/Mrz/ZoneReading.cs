namespace Raytio.Clarity.Mrz;

/// <summary>One OCR reading of a zone's band: Tesseract's lines, and the band's pixels when its glyphs are to be read cell by cell too.</summary>
public sealed record ZoneReading(IReadOnlyList<OcrTextLine> Lines, GrayMap? Pixels);
