using System.Text;

namespace Raytio.Clarity.Models;

/// <summary>
/// What a text component holds, declared in a model's optional <c>text_component_formats</c>
/// (docs/CLARITY.md): <c>letters</c> (names), <c>digits</c>, or a mask of <c>A</c> (a capital
/// letter), <c>9</c> (a digit), <c>X</c> (either) and literal separators (space / - . ,), such as
/// <c>AA999999</c> or <c>99 AAA 9999</c>. Extraction uses it to turn the letters and digits OCR
/// confuses (O and 0, I and 1, S and 5, B and 8, Z and 2, G and 6) into the kind the position
/// holds, and to know when a reading does not fit, so the component's box is read again with
/// only the characters it may hold.
/// </summary>
public sealed class TextFormat
{
    public const string Letters = "letters";
    public const string Digits = "digits";
    public const int MaxMaskLength = 64;

    private const string Separators = " /-.,";
    private const string CapitalLetters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string DigitCharacters = "0123456789";

    private static readonly Dictionary<char, char> DigitToLetter = new()
    {
        ['0'] = 'O',
        ['1'] = 'I',
        ['2'] = 'Z',
        ['5'] = 'S',
        ['6'] = 'G',
        ['8'] = 'B',
    };

    private static readonly Dictionary<char, char> LetterToDigit = new()
    {
        ['O'] = '0',
        ['o'] = '0',
        ['Q'] = '0',
        ['D'] = '0',
        ['I'] = '1',
        ['l'] = '1',
        ['i'] = '1',
        ['L'] = '1',
        ['|'] = '1',
        ['Z'] = '2',
        ['z'] = '2',
        ['S'] = '5',
        ['s'] = '5',
        ['G'] = '6',
        ['b'] = '6',
        ['B'] = '8',
        ['g'] = '9',
        ['q'] = '9',
    };

    private TextFormat(string pattern) => Pattern = pattern;

    /// <summary>The format as the model writes it.</summary>
    public string Pattern { get; }

    /// <summary>A mask of one character (such as a sex, <c>A</c>): read again as a single character rather than a line.</summary>
    public bool IsOneCharacter => Pattern.Length == 1;

    /// <summary>The characters a second reading of the component may answer (Tesseract's whitelist).</summary>
    public string Whitelist => Pattern switch
    {
        Letters => CapitalLetters + CapitalLetters.ToLowerInvariant() + " -'.",
        Digits => DigitCharacters + " -/.",
        _ => (Pattern.Any(c => c is 'A' or 'X') ? CapitalLetters : "") + (Pattern.Any(c => c is '9' or 'X') ? DigitCharacters : "")
            + string.Concat(Pattern.Where(c => c != ' ' && Separators.Contains(c)).Distinct()) + " ",
    };

    /// <summary>Reads a format, or null with the reason when <paramref name="pattern"/> is none.</summary>
    public static TextFormat? TryParse(string pattern, out string? problem)
    {
        problem = null;
        if (pattern is Letters or Digits)
            return new TextFormat(pattern);
        if (pattern.Length is 0 or > MaxMaskLength || pattern.Any(c => c is not ('A' or '9' or 'X') && !Separators.Contains(c))
            || !pattern.Any(c => c is 'A' or '9' or 'X'))
        {
            problem = $"a format is 'letters', 'digits' or a mask of 1 to {MaxMaskLength} characters A (capital letter), 9 (digit), X (either) and separators (space / - . ,).";
            return null;
        }
        return new TextFormat(pattern);
    }

    /// <summary>Whether <paramref name="text"/> (words joined by spaces) is what the component holds.</summary>
    public bool Fits(string text) => Pattern switch
    {
        Letters => text.Any(char.IsLetter) && text.All(c => char.IsLetter(c) || c is ' ' or '-' or '\'' or '.'),
        Digits => text.Any(char.IsAsciiDigit) && text.All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '/' or '.'),
        _ => FitsMask(text),
    };

    /// <summary>
    /// <paramref name="text"/> with each confusable character turned into the kind its position
    /// holds: every one for <c>letters</c> and <c>digits</c>; for a mask only when the text has the
    /// mask's length (spaces aside), since a character missing or extra shifts every position.
    /// </summary>
    public string Correct(string text)
    {
        switch (Pattern)
        {
            case Letters:
                return string.Concat(text.Select(c => DigitToLetter.GetValueOrDefault(c, c)));
            case Digits:
                return string.Concat(text.Select(c => LetterToDigit.GetValueOrDefault(c, c)));
        }
        var mask = Compact(Pattern);
        if (Compact(text).Length != mask.Length)
            return text;
        var corrected = new StringBuilder(text.Length);
        var position = 0;
        foreach (var c in text)
        {
            if (c == ' ')
            {
                corrected.Append(c);
                continue;
            }
            corrected.Append(mask[position++] switch
            {
                'A' => char.ToUpperInvariant(DigitToLetter.GetValueOrDefault(c, c)),
                '9' => LetterToDigit.GetValueOrDefault(c, c),
                'X' => char.ToUpperInvariant(c),
                _ => c,
            });
        }
        return corrected.ToString();
    }

    private bool FitsMask(string text)
    {
        var mask = Compact(Pattern);
        var read = Compact(text);
        if (read.Length != mask.Length)
            return false;
        for (var i = 0; i < mask.Length; i++)
        {
            var fits = mask[i] switch
            {
                'A' => CapitalLetters.Contains(read[i]),
                '9' => char.IsAsciiDigit(read[i]),
                'X' => CapitalLetters.Contains(read[i]) || char.IsAsciiDigit(read[i]),
                _ => read[i] == mask[i],
            };
            if (!fits)
                return false;
        }
        return true;
    }

    private static string Compact(string text) => text.Replace(" ", "", StringComparison.Ordinal);
}
