namespace Raytio.Clarity.Extraction;

/// <summary>
/// What a model read from an image: each text component's words in reading order, each image
/// component as a base64 JPEG, each table as rows of cell texts, and each machine-readable zone's
/// lines as read inside its box.
/// </summary>
public sealed record ClarityExtraction(
    IReadOnlyDictionary<string, IReadOnlyList<string>> Text,
    IReadOnlyDictionary<string, string> Images,
    IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<string>>> Tables,
    IReadOnlyDictionary<string, IReadOnlyList<string>> MrzLines);
