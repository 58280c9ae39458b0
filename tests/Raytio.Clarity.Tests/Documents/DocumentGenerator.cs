using ImageMagick;
using ImageMagick.Drawing;
using Raytio.Clarity.Mrz;

namespace Raytio.Clarity.Tests.Documents;

/// <summary>
/// Draws synthetic documents with Debian's DejaVu fonts (OCR-B for machine-readable zones),
/// places them on a background with a margin, then applies a <see cref="Distortion"/>.
/// </summary>
public static class DocumentGenerator
{
    /// <summary>Background around the card before any distortion, in pixels.</summary>
    public const int Margin = 60;

    private const string Regular = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    private const string Bold = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
    private const string OcrB = "/usr/share/fonts/opentype/ocr-b/OCRB.otf";
    private static readonly MagickColor Ink = new("#1A1F2B");
    private static readonly MagickColor Surround = new("#C9CCD1");

    /// <param name="printed">
    /// Fields printed as these texts instead of their generated values (a misprint, a worn glyph);
    /// the document's <see cref="GeneratedDocument.Fields"/> hold them, and a machine-readable zone
    /// keeps the generated values.
    /// </param>
    public static GeneratedDocument Generate(DocumentKind kind, Random random, Distortion distortion,
        IReadOnlyDictionary<string, string>? printed = null)
    {
        var layout = CardLayouts.For(kind);
        var document = Values(layout, new SyntheticValues(random));
        if (printed is not null)
        {
            var fields = new Dictionary<string, string>(document.Fields, StringComparer.Ordinal);
            foreach (var (name, text) in printed)
                fields[name] = fields.ContainsKey(name) ? text : throw new ArgumentException($"The layout has no field '{name}'.", nameof(printed));
            document = document with { Fields = fields };
        }
        using var card = Render(layout, document);
        using var page = new MagickImage(Surround, (uint)(layout.Width + 2 * Margin), (uint)(layout.Height + 2 * Margin));
        page.Composite(card, Margin, Margin, CompositeOperator.Over);
        Distort(page, distortion);
        page.Quality = (uint)distortion.JpegQuality;
        page.Format = MagickFormat.Jpeg;
        return document with { Jpeg = page.ToByteArray() };
    }

    /// <summary>Where each component lies on an undistorted page (scale 1, no turn), as [x1, y1, x2, y2] pixels.</summary>
    public static IReadOnlyList<(string Name, string Type, CardBox Box)> Components(DocumentKind kind)
    {
        var layout = CardLayouts.For(kind);
        var components = layout.Fields.Select(f => (f.Name, "text", Shift(f.Region))).ToList();
        components.Add((layout.ImageName, "image", Shift(layout.ImageBox)));
        if (layout.Table is { } table)
            components.Add((table.Name, "table", Shift(table.Region)));
        if (layout.Mrz is { } mrz)
            components.Add(("mrz", "mrz", Shift(mrz)));
        return components;
    }

    private static CardBox Shift(CardBox box) => box with { X = box.X + Margin, Y = box.Y + Margin };

    private static GeneratedDocument Values(CardLayout layout, SyntheticValues values)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var table = new List<IReadOnlyList<string>>();
        IReadOnlyList<string> mrz = [];
        switch (layout.Kind)
        {
            case DocumentKind.NzPassport:
                var birth = values.Date(1940, 2010);
                var issue = values.Date(2016, 2025);
                fields["document_type"] = "P";
                fields["issuing_country"] = "NZL";
                fields["document_number"] = values.Letters(2) + values.Digits(6);
                fields["surname"] = values.Surname();
                fields["given_names"] = values.GivenNames();
                fields["date_of_birth"] = SyntheticValues.PassportDate(birth);
                fields["sex"] = values.Sex();
                fields["date_of_issue"] = SyntheticValues.PassportDate(issue);
                fields["date_of_expiry"] = SyntheticValues.PassportDate(issue.AddYears(10).AddDays(-1));
                mrz = MrzComposer.Compose(MrzFormat.TD3, new MrzFields("P", "NZL", fields["surname"], fields["given_names"],
                    fields["document_number"], "NZL", birth, fields["sex"][0], issue.AddYears(10).AddDays(-1), ""));
                break;
            case DocumentKind.NzDriverLicence:
                var licenceIssue = values.Date(2016, 2025);
                fields["surname"] = values.Surname();
                fields["first_names"] = values.GivenNames();
                fields["date_of_birth"] = SyntheticValues.CardDate(values.Date(1940, 2008));
                fields["expiry_date"] = SyntheticValues.CardDate(licenceIssue.AddYears(10));
                fields["licence_number"] = values.Letters(2) + values.Digits(6);
                fields["card_version"] = values.Digits(3);
                table.Add(layout.Table!.Headings);
                for (var row = 1; row < layout.Table.Rows; row++)
                    table.Add([values.Digits(1), values.Stage(), SyntheticValues.CardDate(licenceIssue.AddYears(10))]);
                break;
            case DocumentKind.CommunityServicesCard:
                var start = values.Date(2018, 2025);
                fields["number"] = $"{values.Digits(4)} {values.Digits(4)} {values.Digits(4)}";
                fields["name"] = $"{values.GivenNames()} {values.Surname()}";
                fields["start_date"] = SyntheticValues.CardDate(start);
                fields["client_number"] = $"{values.Digits(3)}-{values.Digits(3)}-{values.Digits(3)}";
                fields["end_date"] = SyntheticValues.CardDate(start.AddYears(3));
                break;
        }
        return new GeneratedDocument(layout.Kind, [], fields, table, mrz);
    }

    /// <summary>
    /// OCR-B at this size advances about 25.4 pixels a character: ICAO 9303's 2.54 mm pitch on a
    /// card drawn at 10 pixels a millimetre, so a TD3 line of 44 characters fits inside the zone's
    /// box and the card (at 38 points its last character ran off the card's edge).
    /// </summary>
    private const int MrzPointSize = 35;

    private static MagickImage Render(CardLayout layout, GeneratedDocument document)
    {
        var card = new MagickImage(new MagickColor(layout.Background), (uint)layout.Width, (uint)layout.Height);
        IDrawables<byte> drawing = new Drawables()
            .StrokeColor(new MagickColor("#8A96A8")).StrokeWidth(3).FillColor(MagickColors.Transparent)
            .RoundRectangle(2, 2, layout.Width - 3, layout.Height - 3, 24, 24)
            .StrokeWidth(0).FillColor(Ink);
        foreach (var label in layout.Labels)
            drawing.Font(label.Bold ? Bold : Regular).FontPointSize(label.Size).Text(label.X, label.Baseline, label.Text);
        foreach (var field in layout.Fields)
            drawing.Font(Bold).FontPointSize(field.Size)
                .Text(field.Region.X + 4, field.Region.Y + field.Region.Height * 0.78, document.Fields[field.Name]);
        if (layout.Table is { } table)
            DrawTable(drawing, table, document.TableRows);
        if (layout.Portrait)
            DrawPortrait(drawing, layout.ImageBox);
        if (layout.Mrz is { } mrz)
            for (var line = 0; line < document.MrzLines.Count; line++)
                drawing.Font(OcrB).FontPointSize(MrzPointSize).FillColor(Ink).Text(mrz.X + 20, mrz.Y + 60 + line * 62, document.MrzLines[line]);
        drawing.Draw(card);
        return card;
    }

    private static void DrawTable(IDrawables<byte> drawing, CardTable table, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var rowHeight = (double)table.Region.Height / table.Rows;
        for (var row = 0; row < rows.Count; row++)
        {
            var left = (double)table.Region.X;
            for (var col = 0; col < table.Cols.Count; col++)
            {
                drawing.Font(row == 0 ? Regular : Bold).FontPointSize(row == 0 ? 20 : 24)
                    .Text(left + 8, table.Region.Y + rowHeight * (row + 0.72), rows[row][col]);
                left += table.Cols[col] * table.Region.Width;
            }
        }
        drawing.StrokeColor(new MagickColor("#8A96A8")).StrokeWidth(2)
            .Line(table.Region.X, table.Region.Y + rowHeight, table.Region.X + table.Region.Width, table.Region.Y + rowHeight)
            .StrokeWidth(0);
    }

    private static void DrawPortrait(IDrawables<byte> drawing, CardBox box)
    {
        drawing.FillColor(new MagickColor("#B8C4D0")).Rectangle(box.X, box.Y, box.X + box.Width, box.Y + box.Height)
            .FillColor(new MagickColor("#6A7886"))
            .Ellipse(box.X + box.Width / 2.0, box.Y + box.Height * 0.38, box.Width * 0.22, box.Height * 0.2, 0, 360)
            .Ellipse(box.X + box.Width / 2.0, box.Y + box.Height * 0.86, box.Width * 0.4, box.Height * 0.13, 0, 360)
            .FillColor(Ink);
    }

    private static void Distort(MagickImage page, Distortion distortion)
    {
        if (distortion.Scale != 1)
            page.Resize(new MagickGeometry((uint)Math.Round(page.Width * distortion.Scale), (uint)Math.Round(page.Height * distortion.Scale)));
        if (distortion.AngleDegrees != 0)
        {
            page.BackgroundColor = Surround;
            page.Rotate(distortion.AngleDegrees);
        }
        if (distortion.Noisy)
        {
            page.GaussianBlur(0, 0.6);
            page.AddNoise(NoiseType.Gaussian, 0.7);
        }
    }
}
