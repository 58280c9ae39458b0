namespace Raytio.Clarity.Models;

/// <summary>
/// A rectangle in a model's frame: the origin is anchor A's top-left corner, one unit is anchor
/// A's width, x grows right and y down on the upright document. Written as [x1, y1, x2, y2].
/// </summary>
public readonly record struct FrameBox(double X1, double Y1, double X2, double Y2)
{
    public double Width => X2 - X1;
    public double Height => Y2 - Y1;

    public bool Contains(double x, double y) => x >= X1 && x <= X2 && y >= Y1 && y <= Y2;

    public double[] ToArray() => [X1, Y1, X2, Y2];
}
