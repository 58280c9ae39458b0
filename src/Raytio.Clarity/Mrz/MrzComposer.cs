using System.Globalization;
using System.Text;

namespace Raytio.Clarity.Mrz;

/// <summary>
/// Writes the lines of a machine-readable zone from its fields, with every check digit, as ICAO
/// 9303 parts 4 to 7 lay them out. Names are upper-cased, spaces, hyphens and commas become
/// fillers, other characters outside A-Z are dropped, and a name too long for its field is cut.
/// </summary>
public static class MrzComposer
{
    public static IReadOnlyList<string> Compose(MrzFormat format, MrzFields fields)
    {
        var birth = Date(fields.DateOfBirth, nameof(fields.DateOfBirth));
        var expiry = Date(fields.ExpiryDate, nameof(fields.ExpiryDate));
        var sex = fields.Sex switch
        {
            'M' or 'F' => fields.Sex,
            'X' or '<' => '<',
            _ => throw new ArgumentException($"Sex '{fields.Sex}' is not M, F or X.", nameof(fields)),
        };
        var code = Field(fields.DocumentType, 2);
        var issuer = Field(fields.IssuingCountry, 3);
        var nationality = Field(fields.Nationality, 3);
        var name = Name(fields.Surname, fields.GivenNames, format.NameLength());
        var length = format.LineLength();
        if (format == MrzFormat.TD1)
        {
            var (number, numberCheck, optional1) = LongNumber(fields.DocumentNumber, fields.OptionalData, 15);
            var line1 = code + issuer + number + numberCheck + optional1;
            var line2Head = birth + MrzCheckDigit.Compute(birth) + sex + expiry + MrzCheckDigit.Compute(expiry) + nationality
                + Field(fields.OptionalData2, 11);
            var composite = line1[5..30] + line2Head[0..7] + line2Head[8..15] + line2Head[18..29];
            return [line1, line2Head + MrzCheckDigit.Compute(composite), name];
        }
        var optionalLength = format switch
        {
            MrzFormat.TD3 => 14,
            MrzFormat.TD2 => 7,
            MrzFormat.MRVA => 16,
            _ => 8,
        };
        var (docNumber, docCheck, optional) = format == MrzFormat.TD2
            ? LongNumber(fields.DocumentNumber, fields.OptionalData, optionalLength)
            : (Field(fields.DocumentNumber, 9), MrzCheckDigit.Compute(Field(fields.DocumentNumber, 9)), Field(fields.OptionalData, optionalLength));
        var line2 = new StringBuilder()
            .Append(docNumber).Append(docCheck).Append(nationality)
            .Append(birth).Append(MrzCheckDigit.Compute(birth)).Append(sex)
            .Append(expiry).Append(MrzCheckDigit.Compute(expiry)).Append(optional);
        if (format == MrzFormat.TD3)
            line2.Append(PersonalNumberCheck(optional));
        if (!format.IsVisa())
        {
            var text = line2.ToString();
            line2.Append(MrzCheckDigit.Compute(text[0..10] + text[13..20] + text[21..]));
        }
        var first = code + issuer + name;
        if (first.Length != length || line2.Length != length)
            throw new InvalidOperationException($"Composed {format} lines of {first.Length} and {line2.Length} characters.");
        return [first, line2.ToString()];
    }

    /// <summary>A TD3 personal number's check digit: a filler when the field is all fillers (ICAO 9303-4 allows '&lt;' or 0).</summary>
    private static char PersonalNumberCheck(string personalNumber) =>
        personalNumber.All(c => c == '<') ? '<' : MrzCheckDigit.Compute(personalNumber);

    /// <summary>
    /// A document number of more than nine characters (TD1 and TD2): the first nine, a filler
    /// where the check digit would be, then the rest, its check digit and a filler at the head
    /// of the optional data (ICAO 9303-5 and -6, note j).
    /// </summary>
    private static (string Number, char Check, string Optional) LongNumber(string documentNumber, string optionalData, int optionalLength)
    {
        var number = Field(documentNumber, documentNumber.Length);
        if (number.Length <= 9)
            return (Field(number, 9), MrzCheckDigit.Compute(Field(number, 9)), Field(optionalData, optionalLength));
        var rest = number[9..] + MrzCheckDigit.Compute(number) + "<";
        return (number[..9], '<', Field(rest + Field(optionalData, optionalData.Length), optionalLength));
    }

    private static string Date(DateOnly? date, string name) =>
        date?.ToString("yyMMdd", CultureInfo.InvariantCulture) ?? throw new ArgumentException($"{name} is required.", name);

    private static string Name(string surname, string givenNames, int length)
    {
        var primary = NameText(surname);
        var secondary = NameText(givenNames);
        var name = secondary.Length == 0 ? primary : primary + "<<" + secondary;
        return Field(name, length);
    }

    private static string NameText(string name)
    {
        var text = new StringBuilder();
        foreach (var c in name.Trim().ToUpperInvariant())
        {
            if (c is >= 'A' and <= 'Z')
                text.Append(c);
            else if (c is ' ' or '-' or ',' or '<')
                text.Append('<');
        }
        return text.ToString();
    }

    /// <summary>Upper-cased, spaces as fillers, padded with fillers or cut to <paramref name="length"/>.</summary>
    private static string Field(string value, int length)
    {
        var text = value.Trim().ToUpperInvariant().Replace(' ', '<');
        if (text.Any(c => MrzCheckDigit.ValueOf(c) < 0))
            throw new ArgumentException($"'{value}' holds characters an MRZ cannot.", nameof(value));
        return text.Length >= length ? text[..length] : text.PadRight(length, '<');
    }
}
