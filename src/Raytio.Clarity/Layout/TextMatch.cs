namespace Raytio.Clarity.Layout;

/// <summary>Compares OCR text with expected text the way anchors and refiners are found.</summary>
public static class TextMatch
{
    /// <summary>Shorter texts must match exactly: one error in three letters matches too much.</summary>
    private const int MinLengthForOneError = 4;

    /// <summary>Upper-case letters and digits only: case, spaces and punctuation are not compared.</summary>
    public static string Normalize(string text) =>
        string.Concat(text.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant));

    /// <summary>Whether normalised <paramref name="read"/> equals normalised <paramref name="expected"/> but for at most one OCR error.</summary>
    public static bool Matches(string read, string expected)
    {
        var allowed = expected.Length >= MinLengthForOneError ? 1 : 0;
        return Math.Abs(read.Length - expected.Length) <= allowed && Distance(read, expected, allowed) <= allowed;
    }

    /// <summary>Levenshtein distance, stopping once it is above <paramref name="limit"/>.</summary>
    private static int Distance(string a, string b, int limit)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
                rowMin = Math.Min(rowMin, current[j]);
            }
            if (rowMin > limit)
                return rowMin;
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
