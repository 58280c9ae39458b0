namespace Raytio.Clarity.Mrz;

/// <summary>What a position of a machine-readable zone may hold, by its format.</summary>
public enum MrzCharacterKind
{
    /// <summary>A digit: dates and check digits.</summary>
    Digit,

    /// <summary>A digit or a filler: a check digit that may be a filler (TD3's personal number, a long TD1 number).</summary>
    DigitOrFiller,

    /// <summary>A letter or a filler: document codes, issuing state, nationality.</summary>
    Letter,

    /// <summary>A name field: letters and fillers.</summary>
    Name,

    /// <summary>M, F or a filler.</summary>
    Sex,

    /// <summary>Letters, digits or fillers: document numbers and optional data.</summary>
    Any,

    /// <summary>Letters, digits or fillers that no check digit covers: a visa's optional data.</summary>
    Unchecked,
}

public static class MrzCharacterKinds
{
    /// <summary>Whether a position of this kind may hold the character.</summary>
    public static bool Allows(this MrzCharacterKind kind, char c) => kind switch
    {
        MrzCharacterKind.Digit => char.IsAsciiDigit(c),
        MrzCharacterKind.DigitOrFiller => char.IsAsciiDigit(c) || c == '<',
        MrzCharacterKind.Letter or MrzCharacterKind.Name => char.IsAsciiLetterUpper(c) || c == '<',
        MrzCharacterKind.Sex => c is 'M' or 'F' or '<',
        _ => MrzCheckDigit.ValueOf(c) >= 0,
    };

    /// <summary>Whether every character of the lines is of the kind its position holds in the format.</summary>
    public static bool Hold(MrzFormat format, IReadOnlyList<string> lines)
    {
        var kinds = Of(format);
        for (var line = 0; line < lines.Count; line++)
        {
            for (var i = 0; i < lines[line].Length; i++)
            {
                if (!kinds[line][i].Allows(lines[line][i]))
                    return false;
            }
        }
        return true;
    }

    /// <summary>The kind of each position of each line of the format.</summary>
    public static MrzCharacterKind[][] Of(MrzFormat format)
    {
        var length = format.LineLength();
        if (format == MrzFormat.TD1)
        {
            var line1 = Fill(30, MrzCharacterKind.Any);
            Set(line1, 0, 5, MrzCharacterKind.Letter);
            line1[14] = MrzCharacterKind.DigitOrFiller;
            var line2 = Fill(30, MrzCharacterKind.Any);
            Set(line2, 0, 7, MrzCharacterKind.Digit);
            line2[7] = MrzCharacterKind.Sex;
            Set(line2, 8, 15, MrzCharacterKind.Digit);
            Set(line2, 15, 18, MrzCharacterKind.Letter);
            line2[29] = MrzCharacterKind.Digit;
            return [line1, line2, Fill(30, MrzCharacterKind.Name)];
        }
        var first = Fill(length, MrzCharacterKind.Name);
        Set(first, 0, 5, MrzCharacterKind.Letter);
        var second = Fill(length, MrzCharacterKind.Any);
        second[9] = format is MrzFormat.TD2 ? MrzCharacterKind.DigitOrFiller : MrzCharacterKind.Digit;
        Set(second, 10, 13, MrzCharacterKind.Letter);
        Set(second, 13, 20, MrzCharacterKind.Digit);
        second[20] = MrzCharacterKind.Sex;
        Set(second, 21, 28, MrzCharacterKind.Digit);
        if (format == MrzFormat.TD3)
            second[42] = MrzCharacterKind.DigitOrFiller;
        if (format.IsVisa())
            Set(second, 28, length, MrzCharacterKind.Unchecked);
        else
            second[length - 1] = MrzCharacterKind.Digit;
        return [first, second];
    }

    private static MrzCharacterKind[] Fill(int length, MrzCharacterKind kind) => Enumerable.Repeat(kind, length).ToArray();

    private static void Set(MrzCharacterKind[] line, int start, int end, MrzCharacterKind kind) => Array.Fill(line, kind, start, end - start);
}
