using Raytio.Clarity.Models;

namespace Raytio.Clarity.Training;

/// <summary>The kinds of component a model can have.</summary>
public enum ComponentType
{
    Text,
    Image,
    Table,
    Mrz,
}

/// <summary>
/// A component marked on a training image: its box in that image's pixels (x1, y1 top-left;
/// x2, y2 bottom-right), for a table the fractions of its width and height each column and row
/// takes, and for a text component optionally what it holds (the model's text_component_formats).
/// </summary>
public sealed record TrainingComponent(
    string Name, ComponentType Type, double X1, double Y1, double X2, double Y2,
    IReadOnlyList<double>? Cols = null, IReadOnlyList<double>? Rows = null, TextFormat? Format = null);
