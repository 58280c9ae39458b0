namespace Raytio.Clarity.Mrz.Finding;

/// <summary>The 8-connected pieces of ink of a mask, by run-length labelling with union-find.</summary>
public static class InkBlobs
{
    // The neighbours already labelled: left, and the three above.
    private static readonly (int Dx, int Dy)[] Neighbours = [(-1, 0), (-1, -1), (0, -1), (1, -1)];

    public static IReadOnlyList<InkBlob> Of(InkMask mask)
    {
        var labels = new int[mask.Width * mask.Height];
        var parent = new List<int> { 0 };
        for (var y = 0; y < mask.Height; y++)
        {
            for (var x = 0; x < mask.Width; x++)
            {
                if (!mask[x, y])
                    continue;
                var label = 0;
                foreach (var (dx, dy) in Neighbours)
                {
                    var (nx, ny) = (x + dx, y + dy);
                    if (nx < 0 || ny < 0 || nx >= mask.Width)
                        continue;
                    var other = labels[ny * mask.Width + nx];
                    if (other == 0)
                        continue;
                    if (label == 0)
                        label = Find(parent, other);
                    else
                        Union(parent, label, other);
                }
                if (label == 0)
                {
                    label = parent.Count;
                    parent.Add(label);
                }
                labels[y * mask.Width + x] = label;
            }
        }
        var boxes = new Dictionary<int, (int Left, int Top, int Right, int Bottom, int Pixels)>();
        for (var y = 0; y < mask.Height; y++)
        {
            for (var x = 0; x < mask.Width; x++)
            {
                var label = labels[y * mask.Width + x];
                if (label == 0)
                    continue;
                var root = Find(parent, label);
                boxes[root] = boxes.TryGetValue(root, out var b)
                    ? (Math.Min(b.Left, x), Math.Min(b.Top, y), Math.Max(b.Right, x + 1), Math.Max(b.Bottom, y + 1), b.Pixels + 1)
                    : (x, y, x + 1, y + 1, 1);
            }
        }
        return boxes.Values.Select(b => new InkBlob(b.Left, b.Top, b.Right, b.Bottom, b.Pixels)).ToList();
    }

    private static int Find(List<int> parent, int label)
    {
        while (parent[label] != label)
        {
            parent[label] = parent[parent[label]];
            label = parent[label];
        }
        return label;
    }

    private static void Union(List<int> parent, int a, int b)
    {
        var (ra, rb) = (Find(parent, a), Find(parent, b));
        if (ra != rb)
            parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
    }
}
