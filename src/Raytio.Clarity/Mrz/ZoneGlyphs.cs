using Raytio.Clarity.Ocr;

namespace Raytio.Clarity.Mrz;

/// <summary>A zone's band pixels and where its lines lie in them, as the line finder traced them: for reading glyphs cell by cell.</summary>
public sealed record ZoneGlyphs(GrayMap Pixels, IReadOnlyList<PixelBox> Lines);
