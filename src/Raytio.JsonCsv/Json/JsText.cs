namespace Raytio.JsonCsv.Json;

/// <summary>JavaScript string helpers whose whitespace set differs from .NET's char.IsWhiteSpace.</summary>
internal static class JsText
{
    /// <summary>Matches JavaScript's \s and String#trim: includes U+FEFF, excludes U+0085 and U+180E.</summary>
    public static bool IsWhiteSpace(char c) => c switch
    {
        '\t' or '\n' or '\v' or '\f' or '\r' or ' ' or '\u00a0' or '\u1680' or '\u2028' or '\u2029'
            or '\u202f' or '\u205f' or '\u3000' or '\ufeff' => true,
        >= '\u2000' and <= '\u200a' => true,
        _ => false,
    };

    public static string Trim(string value)
    {
        var start = 0;
        var end = value.Length;
        while (start < end && IsWhiteSpace(value[start]))
        {
            start++;
        }
        while (end > start && IsWhiteSpace(value[end - 1]))
        {
            end--;
        }
        return start == 0 && end == value.Length ? value : value[start..end];
    }
}
