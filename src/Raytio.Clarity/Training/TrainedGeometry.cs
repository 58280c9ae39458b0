using Raytio.Clarity.Models;

namespace Raytio.Clarity.Training;

/// <summary>
/// What training computes: the properties of a model that come from the image, with the formats
/// the trainer declared for text components.
/// </summary>
public sealed record TrainedGeometry(
    string AnchorA,
    string AnchorC,
    ModelNorm Norm,
    double Angle,
    IReadOnlyDictionary<string, FrameBox> TextComponents,
    IReadOnlyDictionary<string, FrameBox> ImageComponents,
    IReadOnlyDictionary<string, TableComponent> TableComponents,
    IReadOnlyDictionary<string, FrameBox> MrzComponents,
    IReadOnlyDictionary<string, TextFormat> TextFormats)
{
    /// <summary>A whole model: this geometry with the descriptive properties a person gives.</summary>
    public ClarityModel ToModel(string name, DateOnly startDate, DateOnly? endDate = null,
        string? description = null, string? country = null, string? refiner = null) => new()
        {
            Name = name,
            Description = description,
            Country = country,
            AnchorA = AnchorA,
            AnchorC = AnchorC,
            Norm = Norm,
            Angle = Angle,
            ModelRefiner = refiner,
            ModelStartDate = startDate,
            ModelEndDate = endDate,
            TextComponents = TextComponents,
            ImageComponents = ImageComponents,
            TableComponents = TableComponents,
            MrzComponents = MrzComponents,
            TextFormats = TextFormats,
        };
}
