namespace Raytio.Clarity.Ocr;

/// <summary>The OCR engine could not run; the server answers 503 rather than a wrong extraction.</summary>
public sealed class OcrUnavailableException(string message) : Exception(message);
