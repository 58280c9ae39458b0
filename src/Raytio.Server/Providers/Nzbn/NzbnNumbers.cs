namespace Raytio.Server.Providers.Nzbn;

/// <summary>NZBNs are GS1 Global Location Numbers: 13 digits, the last a check digit (weights 3,1,3,... from the right of the first 12).</summary>
public static class NzbnNumbers
{
    public const int Length = 13;

    public static bool IsValid(string? nzbn) =>
        nzbn is { Length: Length } && nzbn.All(char.IsAsciiDigit) && CheckDigit(nzbn.AsSpan(0, Length - 1)) == nzbn[Length - 1] - '0';

    /// <summary>The check digit of 12 digits.</summary>
    public static int CheckDigit(ReadOnlySpan<char> twelveDigits)
    {
        var sum = 0;
        for (var i = 0; i < twelveDigits.Length; i++)
        {
            var fromRight = twelveDigits.Length - 1 - i;
            sum += (twelveDigits[i] - '0') * (fromRight % 2 == 0 ? 3 : 1);
        }
        return (10 - sum % 10) % 10;
    }

    /// <summary>The 13-digit NZBN of 12 digits, check digit appended.</summary>
    public static string Complete(string twelveDigits) => twelveDigits + (char)('0' + CheckDigit(twelveDigits));
}
