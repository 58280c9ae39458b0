namespace Raytio.Clarity.Mrz;

/// <summary>
/// The ICAO 9303 machine-readable zone layouts: TD1 (ID cards, 3 lines of 30), TD2 (2 of 36),
/// TD3 (passports, 2 of 44), and the machine-readable visas MRV-A (2 of 44) and MRV-B (2 of 36).
/// </summary>
public enum MrzFormat
{
    TD1,
    TD2,
    TD3,
    MRVA,
    MRVB,
}

public static class MrzFormats
{
    public static int LineCount(this MrzFormat format) => format == MrzFormat.TD1 ? 3 : 2;

    public static int LineLength(this MrzFormat format) => format switch
    {
        MrzFormat.TD1 => 30,
        MrzFormat.TD2 or MrzFormat.MRVB => 36,
        MrzFormat.TD3 or MrzFormat.MRVA => 44,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    public static bool IsVisa(this MrzFormat format) => format is MrzFormat.MRVA or MrzFormat.MRVB;

    /// <summary>The width of the name field on the line that holds it.</summary>
    public static int NameLength(this MrzFormat format) => format == MrzFormat.TD1 ? 30 : format.LineLength() - 5;

    /// <summary>The layout lines of these lengths and this first letter have, or null.</summary>
    public static MrzFormat? Of(IReadOnlyList<string> lines)
    {
        if (lines.Count == 3 && lines.All(l => l.Length == 30))
            return MrzFormat.TD1;
        if (lines.Count != 2 || lines[0].Length != lines[1].Length)
            return null;
        var visa = lines[0].StartsWith('V');
        return lines[0].Length switch
        {
            36 => visa ? MrzFormat.MRVB : MrzFormat.TD2,
            44 => visa ? MrzFormat.MRVA : MrzFormat.TD3,
            _ => null,
        };
    }
}
