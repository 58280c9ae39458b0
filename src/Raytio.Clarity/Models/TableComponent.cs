namespace Raytio.Clarity.Models;

/// <summary>
/// A table in a model: <c>ratios</c> is its box in the frame, <c>cols</c> and <c>rows</c> the
/// fractions of its width and height each column and row takes (each list sums to 1).
/// </summary>
public sealed record TableComponent(FrameBox Ratios, IReadOnlyList<double> Cols, IReadOnlyList<double> Rows);
