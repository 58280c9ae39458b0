namespace Raytio.Clarity.Mrz;

/// <summary>
/// Parses the lines of a machine-readable zone into fields and check-digit verdicts. It
/// corrects nothing: the reader decides what to try, the parser only says what verifies.
/// </summary>
public static class MrzParser
{
    /// <summary>The parsed zone, or null when the lines have no MRZ layout or hold characters an MRZ cannot.</summary>
    public static MrzReading? Parse(IReadOnlyList<string> lines, DateOnly today)
    {
        if (MrzFormats.Of(lines) is not { } format || lines.Any(l => l.Any(c => MrzCheckDigit.ValueOf(c) < 0)))
            return null;
        return format == MrzFormat.TD1 ? ParseTd1(lines, today) : ParseTwoLines(format, lines, today);
    }

    private static MrzReading ParseTd1(IReadOnlyList<string> lines, DateOnly today)
    {
        var (line1, line2, line3) = (lines[0], lines[1], lines[2]);
        var (number, numberCheck, optional1) = DocumentNumber(line1[5..14], line1[14], line1[15..30]);
        var checks = new MrzChecks(
            numberCheck,
            MrzCheckDigit.IsValid(line2.AsSpan(0, 6), line2[6]),
            MrzCheckDigit.IsValid(line2.AsSpan(8, 6), line2[14]),
            MrzCheckDigit.IsValid(line1[5..30] + line2[..7] + line2[8..15] + line2[18..29], line2[29]));
        var (surname, given) = Name(line3);
        var fields = new MrzFields(Code(line1[..2]), Code(line1[2..5]), surname, given, number, Code(line2[15..18]),
            MrzDates.BirthDate(line2[..6], today), Sex(line2[7]), MrzDates.ExpiryDate(line2[8..14]), optional1, Trim(line2[18..29]));
        var wellFormed = WellFormed(MrzFormat.TD1, lines, fields);
        return new MrzReading(MrzFormat.TD1, lines, fields, checks, wellFormed && checks.All);
    }

    private static MrzReading ParseTwoLines(MrzFormat format, IReadOnlyList<string> lines, DateOnly today)
    {
        var (line1, line2) = (lines[0], lines[1]);
        var length = format.LineLength();
        var optionalEnd = format switch
        {
            MrzFormat.TD3 => 42,
            MrzFormat.TD2 => 35,
            _ => length,
        };
        var (number, numberCheck, optional) = format == MrzFormat.TD2
            ? DocumentNumber(line2[..9], line2[9], line2[28..optionalEnd])
            : (Trim(line2[..9]), MrzCheckDigit.IsValid(line2.AsSpan(0, 9), line2[9]), Trim(line2[28..optionalEnd]));
        bool? composite = format.IsVisa() ? null : MrzCheckDigit.IsValid(line2[..10] + line2[13..20] + line2[21..(length - 1)], line2[length - 1]);
        var checks = new MrzChecks(
            numberCheck,
            MrzCheckDigit.IsValid(line2.AsSpan(13, 6), line2[19]),
            MrzCheckDigit.IsValid(line2.AsSpan(21, 6), line2[27]),
            composite,
            format != MrzFormat.TD3 || PersonalNumberValid(line2[28..42], line2[42]));
        var (surname, given) = Name(line1[5..]);
        var fields = new MrzFields(Code(line1[..2]), Code(line1[2..5]), surname, given, number, Code(line2[10..13]),
            MrzDates.BirthDate(line2[13..19], today), Sex(line2[20]), MrzDates.ExpiryDate(line2[21..27]), optional);
        var wellFormed = WellFormed(format, lines, fields);
        return new MrzReading(format, lines, fields, checks, wellFormed && checks.All);
    }

    /// <summary>An unused personal number (all fillers) may carry a filler or 0 as its check digit (ICAO 9303-4).</summary>
    private static bool PersonalNumberValid(string personalNumber, char check) =>
        personalNumber.All(c => c == '<') ? check is '<' or '0' : MrzCheckDigit.IsValid(personalNumber, check);

    /// <summary>
    /// The document number and its check; a number of more than nine characters (TD1, TD2) has a
    /// filler in the check position and continues at the head of the optional data, ended by its
    /// check digit and a filler.
    /// </summary>
    private static (string Number, bool Check, string Optional) DocumentNumber(string first9, char check, string optional)
    {
        if (check != '<' || optional.Length == 0 || optional[0] == '<')
            return (Trim(first9), MrzCheckDigit.IsValid(first9, check), Trim(optional));
        var end = optional.IndexOf('<');
        var extension = end < 0 ? optional : optional[..end];
        var number = first9 + extension[..^1];
        var rest = end < 0 ? "" : optional[(end + 1)..];
        return (number, MrzCheckDigit.IsValid(number, extension[^1]), Trim(rest));
    }

    /// <summary>
    /// Every character of the kind its position holds (dates and check digits digits, codes and
    /// names letters or fillers, sex M, F or filler), and the document code's first letter the
    /// one its layout allows: P on a passport (TD3), A, C or I on an ID card (TD1, TD2), V on a
    /// visa (ICAO 9303-4 to -7). That letter is what tells a TD2 zone read with eight fillers too
    /// many from a TD3 one: its check digits would verify all the same, fillers weighing nothing.
    /// A date part left unknown (fillers) is not vouched for: a filler weighs what 0 does. The
    /// issuing state and nationality, which no check digit covers, must be codes an MRZ may carry.
    /// </summary>
    private static bool WellFormed(MrzFormat format, IReadOnlyList<string> lines, MrzFields fields) =>
        FirstLetters(format).Contains(lines[0][0]) && MrzCharacterKinds.Hold(format, lines)
        && MrzCountryCodes.IsKnown(fields.IssuingCountry) && MrzCountryCodes.IsKnown(fields.Nationality);

    private static string FirstLetters(MrzFormat format) => format switch
    {
        MrzFormat.TD3 => "P",
        MrzFormat.TD1 or MrzFormat.TD2 => "ACI",
        _ => "V",
    };

    private static (string Surname, string GivenNames) Name(string field)
    {
        var separator = field.IndexOf("<<", StringComparison.Ordinal);
        return separator < 0
            ? (Words(field), "")
            : (Words(field[..separator]), Words(field[(separator + 2)..]));
    }

    private static string Words(string text) =>
        string.Join(' ', text.Split('<', StringSplitOptions.RemoveEmptyEntries));

    private static string Code(string text) => text.Replace("<", "", StringComparison.Ordinal);

    private static string Trim(string text) => text.TrimEnd('<');

    private static char Sex(char c) => c is 'M' or 'F' ? c : 'X';
}
