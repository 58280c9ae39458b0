namespace Raytio.Clarity.Models;

/// <summary>
/// A Clarity model (schema ss/Clarity_Model_01): where the anchors are and where each component
/// lies in the frame they fix. docs/CLARITY.md describes every property.
/// </summary>
public sealed record ClarityModel
{
    public required string Name { get; init; }
    public string? Description { get; init; }
    public string? Country { get; init; }
    public required string AnchorA { get; init; }
    public required string AnchorC { get; init; }
    public required ModelNorm Norm { get; init; }

    /// <summary>The skew, in degrees clockwise, that training measured and removed from its image.</summary>
    public required double Angle { get; init; }

    public string? ModelRefiner { get; init; }
    public required DateOnly ModelStartDate { get; init; }
    public DateOnly? ModelEndDate { get; init; }
    public IReadOnlyDictionary<string, FrameBox> TextComponents { get; init; } = new Dictionary<string, FrameBox>();
    public IReadOnlyDictionary<string, FrameBox> ImageComponents { get; init; } = new Dictionary<string, FrameBox>();
    public IReadOnlyDictionary<string, TableComponent> TableComponents { get; init; } = new Dictionary<string, TableComponent>();

    /// <summary>
    /// Where the machine-readable zone is (an addition to the reference's schema). A model that
    /// declares one has the zone read and checked by the MRZ reader, which finds it on the page itself.
    /// </summary>
    public IReadOnlyDictionary<string, FrameBox> MrzComponents { get; init; } = new Dictionary<string, FrameBox>();

    /// <summary>
    /// What some text components hold (an addition to the reference's schema, optional): used to
    /// correct letter/digit confusions and to read a component again when its reading does not fit.
    /// </summary>
    public IReadOnlyDictionary<string, TextFormat> TextFormats { get; init; } = new Dictionary<string, TextFormat>();

    /// <summary>Whether the model is in force on <paramref name="day"/>: on or after its start date and before its end date.</summary>
    public bool IsValidOn(DateOnly day) => day >= ModelStartDate && (ModelEndDate is not { } end || day < end);
}
