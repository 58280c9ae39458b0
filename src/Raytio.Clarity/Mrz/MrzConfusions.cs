namespace Raytio.Clarity.Mrz;

/// <summary>
/// The characters OCR mistakes for one another in OCR-B: a letter for the digit of like shape
/// and back, and the filler chevron read as K. Used only where the format fixes the kind of a
/// position, or as alternatives the check digits must then confirm.
/// </summary>
public static class MrzConfusions
{
    private static readonly Dictionary<char, char> ToDigit = new()
    {
        ['O'] = '0',
        ['D'] = '0',
        ['Q'] = '0',
        ['U'] = '0',
        ['I'] = '1',
        ['L'] = '1',
        ['Z'] = '2',
        ['S'] = '5',
        ['G'] = '6',
        ['B'] = '8',
        ['A'] = '4',
        ['T'] = '7',
    };

    private static readonly Dictionary<char, char> ToLetter = new()
    {
        ['0'] = 'O',
        ['1'] = 'I',
        ['2'] = 'Z',
        ['4'] = 'A',
        ['5'] = 'S',
        ['6'] = 'G',
        ['7'] = 'T',
        ['8'] = 'B',
    };

    /// <summary>The digit of like shape, or the character itself.</summary>
    public static char AsDigit(char c) => ToDigit.TryGetValue(c, out var digit) ? digit : c;

    /// <summary>The letter of like shape, or the character itself.</summary>
    public static char AsLetter(char c) => ToLetter.TryGetValue(c, out var letter) ? letter : c;

    /// <summary>The other readings of a character in a field that may hold letters and digits alike.</summary>
    public static IEnumerable<char> Alternatives(char c)
    {
        if (ToDigit.TryGetValue(c, out var digit))
            yield return digit;
        foreach (var (letter, likeDigit) in ToDigit)
        {
            if (likeDigit == c)
                yield return letter;
        }
        if (c == 'K')
            yield return '<';
        if (c == '<')
            yield return 'K';
    }
}
