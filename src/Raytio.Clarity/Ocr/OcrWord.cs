namespace Raytio.Clarity.Ocr;

/// <summary>
/// One word Tesseract read, with its box and confidence (0-100). Block, paragraph and line
/// numbers are Tesseract's layout analysis; together they order words into lines.
/// </summary>
public sealed record OcrWord(string Text, PixelBox Box, double Confidence, int Block, int Paragraph, int Line);
