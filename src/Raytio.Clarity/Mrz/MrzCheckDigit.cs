namespace Raytio.Clarity.Mrz;

/// <summary>
/// ICAO 9303 check digits: each character's value (digits 0-9, A-Z 10-35, the filler '&lt;' 0)
/// is multiplied by the repeating weights 7, 3, 1; the check digit is the sum modulo 10.
/// </summary>
public static class MrzCheckDigit
{
    private static readonly int[] Weights = [7, 3, 1];

    /// <summary>The value of an MRZ character, or -1 for a character an MRZ never holds.</summary>
    public static int ValueOf(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'Z' => c - 'A' + 10,
        '<' => 0,
        _ => -1,
    };

    /// <exception cref="ArgumentException">The field holds a character an MRZ never holds.</exception>
    public static char Compute(ReadOnlySpan<char> field)
    {
        var sum = 0;
        for (var i = 0; i < field.Length; i++)
        {
            var value = ValueOf(field[i]);
            if (value < 0)
                throw new ArgumentException($"'{field[i]}' is not an MRZ character.", nameof(field));
            sum += value * Weights[i % 3];
        }
        return (char)('0' + sum % 10);
    }

    /// <summary>Whether <paramref name="check"/> is the check digit of <paramref name="field"/>; false for any character outside the MRZ set.</summary>
    public static bool IsValid(ReadOnlySpan<char> field, char check)
    {
        foreach (var c in field)
        {
            if (ValueOf(c) < 0)
                return false;
        }
        return check is >= '0' and <= '9' && Compute(field) == check;
    }
}
