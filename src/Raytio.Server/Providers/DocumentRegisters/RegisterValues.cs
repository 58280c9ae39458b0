using System.Globalization;
using System.Text;

namespace Raytio.Server.Providers.DocumentRegisters;

/// <summary>
/// How a given value is compared with a register's: without accents or macrons (OCR and keyboards
/// drop them), case, or repeated and surrounding spaces (document numbers without any spaces);
/// dates as calendar dates. The server runs with invariant globalization, where Unicode
/// normalization leaves non-ASCII text as it is, so precomposed Latin letters are folded by a
/// table and combining marks dropped.
/// </summary>
public static class RegisterValues
{
    private static readonly Dictionary<char, char> Folded = FoldTable(
        ("A", "ÀÁÂÃÄÅĀĂĄàáâãäåāăą"), ("C", "ÇĆČçćč"), ("D", "Ďď"), ("E", "ÈÉÊËĒĔĖĘĚèéêëēĕėęě"), ("G", "Ğğ"),
        ("I", "ÌÍÎÏĨĪĬĮİìíîïĩīĭį"), ("L", "Łł"), ("N", "ÑŃŇñńň"), ("O", "ÒÓÔÕÖØŌŎŐòóôõöøōŏő"), ("R", "Řř"),
        ("S", "ŚŞŠśşš"), ("T", "Ťť"), ("U", "ÙÚÛÜŨŪŬŮŰŲùúûüũūŭůűų"), ("Y", "ÝŸýÿ"), ("Z", "ŹŻŽźżž"));

    public static bool Same(string field, string given, string held) =>
        field is RegisterFields.DateOfBirth or RegisterFields.ExpiryDate
            ? DateOnly.TryParseExact(given.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
              && date == DateOnly.ParseExact(held, "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : field is RegisterFields.PassportNumber or RegisterFields.LicenceNumber
                ? string.Equals(Number(given), Number(held), StringComparison.Ordinal)
                : string.Equals(Normalize(given), Normalize(held), StringComparison.Ordinal);

    /// <summary>A document number as registers file it: upper case, without spaces.</summary>
    public static string Number(string value) => Normalize(value).Replace(" ", "", StringComparison.Ordinal);

    /// <summary>Upper case, marks removed, single spaces.</summary>
    public static string Normalize(string value)
    {
        var builder = new StringBuilder(value.Length);
        var space = false;
        foreach (var c in value)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }
            if (space)
            {
                builder.Append(' ');
                space = false;
            }
            builder.Append(Folded.TryGetValue(c, out var plain) ? plain : char.ToUpperInvariant(c));
        }
        return builder.ToString();
    }

    private static Dictionary<char, char> FoldTable(params (string Plain, string Marked)[] rows) =>
        rows.SelectMany(row => row.Marked.Select(marked => (marked, row.Plain[0]))).ToDictionary(pair => pair.marked, pair => pair.Item2);
}
