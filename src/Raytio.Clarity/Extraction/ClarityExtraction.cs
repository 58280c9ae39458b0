using Raytio.Clarity.Mrz;

namespace Raytio.Clarity.Extraction;

/// <summary>
/// What a model read from an image: each text component's words in reading order, each image
/// component as a base64 JPEG, each table as rows of cell texts, and, for a model that declares
/// a machine-readable zone, the zone read and checked (null when none was found).
/// </summary>
public sealed record ClarityExtraction(
    IReadOnlyDictionary<string, IReadOnlyList<string>> Text,
    IReadOnlyDictionary<string, string> Images,
    IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<string>>> Tables,
    MrzReading? Mrz);
