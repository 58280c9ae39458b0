namespace Raytio.Clarity.Ocr;

/// <summary>How one Tesseract run reads an image.</summary>
/// <param name="PageSegmentation">Tesseract's --psm: 3 automatic, 6 one block, 7 one line, 11 sparse text.</param>
/// <param name="CharacterWhitelist">When set, the only characters Tesseract may answer (e.g. an MRZ's A-Z, 0-9 and '&lt;').</param>
/// <param name="Dpi">The resolution to assume when the image does not say; Tesseract guesses badly without one.</param>
public sealed record TesseractOptions(
    int PageSegmentation = 3,
    string Language = "eng",
    string? CharacterWhitelist = null,
    int Dpi = 300);
