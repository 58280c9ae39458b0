namespace Raytio.Clarity.Tests.Documents;

/// <summary>A generated document image (JPEG) and the values printed on it.</summary>
public sealed record GeneratedDocument(
    DocumentKind Kind,
    byte[] Jpeg,
    IReadOnlyDictionary<string, string> Fields,
    IReadOnlyList<IReadOnlyList<string>> TableRows,
    IReadOnlyList<string> MrzLines);
