namespace Raytio.Clarity.Layout;

/// <summary>
/// Puts boxes into reading order: into lines top to bottom (a box joins a line when its centre
/// is within half a typical box height of the line's), then left to right within each line.
/// </summary>
public static class ReadingOrder
{
    public static List<List<T>> Lines<T>(IEnumerable<T> items, Func<T, (double Left, double CenterY, double Height)> place)
    {
        var placed = items.Select(item => (Item: item, Place: place(item))).OrderBy(p => p.Place.CenterY).ToList();
        if (placed.Count == 0)
            return [];
        var heights = placed.Select(p => p.Place.Height).Order().ToList();
        var tolerance = Math.Max(1, heights[heights.Count / 2] / 2);
        var lines = new List<List<(T Item, (double Left, double CenterY, double Height) Place)>>();
        var lineCenter = double.NaN;
        foreach (var entry in placed)
        {
            if (lines.Count == 0 || Math.Abs(entry.Place.CenterY - lineCenter) > tolerance)
            {
                lines.Add([entry]);
                lineCenter = entry.Place.CenterY;
                continue;
            }
            var line = lines[^1];
            line.Add(entry);
            lineCenter = line.Average(e => e.Place.CenterY);
        }
        return lines.Select(line => line.OrderBy(e => e.Place.Left).Select(e => e.Item).ToList()).ToList();
    }
}
