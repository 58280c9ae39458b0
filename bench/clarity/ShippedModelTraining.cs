using System.Text.Json;
using System.Text.Json.Nodes;
using ImageMagick;
using Raytio.Clarity.Models;
using Raytio.Clarity.Ocr;
using Raytio.Clarity.Tests.Documents;
using Raytio.Clarity.Training;

namespace Raytio.Clarity.Bench;

/// <summary>
/// Makes the shipped models (src/Raytio.Clarity/Models/Shipped): each layout trained on one clean
/// generated image, with the components the generator says it drew.
/// </summary>
public static class ShippedModelTraining
{
    private static readonly (DocumentKind Kind, string File, string Id, string Name, string Description)[] Shipped =
    [
        (DocumentKind.NzPassport, "nz_passport.json", "6c0b1a52-6f43-4c1e-9d0f-0a3d5e2f7b11", "NZ Passport (synthetic)",
            "Synthetic New Zealand passport data page of the test document generator, with its TD3 machine-readable zone"),
        (DocumentKind.NzDriverLicence, "nz_driver_licence.json", "2f5e9c3a-8b71-4d2a-a6e4-5c1d7b9e0f22", "NZ Driver Licence (synthetic)",
            "Synthetic New Zealand driver licence of the test document generator, with its licence classes table"),
        (DocumentKind.CommunityServicesCard, "nz_community_services_card.json", "481f4d5e-1a3b-46ab-96db-df6156d22983", "NZ CSC card",
            "Synthetic New Zealand Community Services Card in the reference's layout (anchors COMMUNITY and Valid)"),
    ];

    public static async Task WriteAsync(string directory)
    {
        Directory.CreateDirectory(directory);
        var trainer = new ClarityTrainer(new TesseractEngine());
        foreach (var (kind, file, id, name, description) in Shipped)
        {
            var layout = CardLayouts.For(kind);
            var document = DocumentGenerator.Generate(kind, new Random(1), Distortion.None);
            using var image = new MagickImage(document.Jpeg);
            var formats = Formats(kind);
            var components = Components(kind).Select(c => c with { Format = formats.GetValueOrDefault(c.Name) }).ToList();
            var geometry = await trainer.TrainAsync(image, null, layout.AnchorA, layout.AnchorC, components, CancellationToken.None);
            var model = geometry.ToModel(name, new DateOnly(2016, 12, 1), description: description, country: "NZ", refiner: layout.Refiner);
            var json = new JsonObject { ["n_id"] = id, ["properties"] = Models.ClarityModelJson.Write(model) };
            await File.WriteAllTextAsync(Path.Combine(directory, file), json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
            Console.WriteLine($"{file}: norm [{string.Join(", ", model.Norm.ToArray())}], angle {model.Angle}");
        }
    }

    /// <summary>What each text field holds, as the documents print them (names in letters, numbers and dates by mask).</summary>
    private static Dictionary<string, TextFormat> Formats(DocumentKind kind)
    {
        const string passportDate = "99 AAA 9999", cardDate = "99/99/9999";
        Dictionary<string, string> patterns = kind switch
        {
            DocumentKind.NzPassport => new()
            {
                ["document_type"] = "A",
                ["issuing_country"] = "AAA",
                ["document_number"] = "AA999999",
                ["surname"] = TextFormat.Letters,
                ["given_names"] = TextFormat.Letters,
                ["date_of_birth"] = passportDate,
                ["sex"] = "A",
                ["date_of_issue"] = passportDate,
                ["date_of_expiry"] = passportDate,
            },
            DocumentKind.NzDriverLicence => new()
            {
                ["surname"] = TextFormat.Letters,
                ["first_names"] = TextFormat.Letters,
                ["date_of_birth"] = cardDate,
                ["expiry_date"] = cardDate,
                ["licence_number"] = "AA999999",
                ["card_version"] = "999",
            },
            _ => new()
            {
                ["number"] = "9999 9999 9999",
                ["name"] = TextFormat.Letters,
                ["client_number"] = "999-999-999",
                ["start_date"] = cardDate,
                ["end_date"] = cardDate,
            },
        };
        return patterns.ToDictionary(p => p.Key, p => TextFormat.TryParse(p.Value, out _)!, StringComparer.Ordinal);
    }

    public static List<TrainingComponent> Components(DocumentKind kind)
    {
        var layout = CardLayouts.For(kind);
        return DocumentGenerator.Components(kind).Select(c => new TrainingComponent(
            c.Name, Enum.Parse<ComponentType>(c.Type, ignoreCase: true), c.Box.X, c.Box.Y, c.Box.X + c.Box.Width, c.Box.Y + c.Box.Height,
            c.Type == "table" ? layout.Table!.Cols : null,
            c.Type == "table" ? Enumerable.Repeat(1.0 / layout.Table!.Rows, layout.Table.Rows).ToList() : null)).ToList();
    }
}
