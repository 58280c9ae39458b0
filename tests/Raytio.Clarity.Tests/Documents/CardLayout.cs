namespace Raytio.Clarity.Tests.Documents;

/// <summary>A rectangle on an upright card, in the card's own pixels at scale 1.</summary>
public readonly record struct CardBox(int X, int Y, int Width, int Height);

/// <summary>Fixed text printed on every card of a layout (labels, titles, anchors).</summary>
public sealed record CardLabel(string Text, int X, int Baseline, int Size, bool Bold = false);

/// <summary>A field whose value changes from card to card, drawn in <see cref="Region"/>.</summary>
public sealed record CardField(string Name, CardBox Region, int Size = 30);

/// <summary>A table of <see cref="Columns"/> whose first row is printed headings and whose other rows are generated.</summary>
public sealed record CardTable(string Name, CardBox Region, IReadOnlyList<string> Headings, IReadOnlyList<double> Cols, int Rows);

/// <summary>One document design: size, printed labels, fields, an image component (a drawn portrait or the whole card), a table and an MRZ.</summary>
public sealed record CardLayout(
    DocumentKind Kind,
    int Width,
    int Height,
    string Background,
    string AnchorA,
    string AnchorC,
    string? Refiner,
    IReadOnlyList<CardLabel> Labels,
    IReadOnlyList<CardField> Fields,
    CardBox ImageBox,
    string ImageName,
    bool Portrait,
    CardTable? Table = null,
    CardBox? Mrz = null);

public enum DocumentKind
{
    NzPassport,
    NzDriverLicence,
    CommunityServicesCard,
}
