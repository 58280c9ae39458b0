using System.Globalization;
using System.Text;

namespace Raytio.Clarity.Mrz;

/// <summary>Whether the zone confirms one visual-zone field, and the zone's value for it (to correct the visual reading with).</summary>
public sealed record MrzFieldVerdict(string Field, bool Confirmed, string? MrzValue);

/// <summary>
/// Cross-checks fields read from a document's visual zone against its machine-readable zone.
/// A field is confirmed only when the zone vouches for it: the document number and dates when
/// their own check digits verify, the other fields when every check digit of the zone does
/// (names, nationality and sex are under no check digit of their own). Values are compared the
/// way the zone writes them: upper case, accents and punctuation dropped, dates as dates, and a
/// name the zone had to cut confirmed by its beginning.
/// </summary>
public static class MrzConfirmation
{
    /// <summary>The field names, those of the MRZ operation's <c>fields</c>.</summary>
    public static readonly IReadOnlyList<string> FieldNames =
    [
        "document_type", "issuing_country", "surname", "given_names", "document_number", "nationality", "date_of_birth", "sex",
        "expiry_date",
    ];

    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "dd MMM yyyy", "d MMM yyyy", "ddMMMyyyy", "dd.MM.yyyy", "d.M.yyyy", "dd/MM/yyyy", "d/M/yyyy", "dd-MM-yyyy",
        "dd MMMM yyyy", "d MMMM yyyy", "yyyyMMdd",
    ];

    /// <summary>A verdict for each visual field the caller gives whose name is one of <see cref="FieldNames"/>.</summary>
    public static IReadOnlyList<MrzFieldVerdict> Confirm(MrzReading reading, IReadOnlyDictionary<string, string?> visualFields)
    {
        var verdicts = new List<MrzFieldVerdict>();
        foreach (var (name, visual) in visualFields)
        {
            if (!FieldNames.Contains(name))
                continue;
            var (mrzValue, vouched) = MrzValue(reading, name);
            var confirmed = vouched && visual is not null && Matches(reading, name, visual, mrzValue);
            verdicts.Add(new MrzFieldVerdict(name, confirmed, mrzValue));
        }
        return verdicts;
    }

    private static (string? Value, bool Vouched) MrzValue(MrzReading reading, string name)
    {
        var f = reading.Fields;
        return name switch
        {
            "document_number" => (f.DocumentNumber, reading.Checks.DocumentNumber && reading.Checks.Composite != false),
            "date_of_birth" => (Iso(f.DateOfBirth), reading.Checks.DateOfBirth && f.DateOfBirth is not null),
            "expiry_date" => (Iso(f.ExpiryDate), reading.Checks.ExpiryDate && f.ExpiryDate is not null),
            "document_type" => (f.DocumentType, reading.Valid),
            "issuing_country" => (f.IssuingCountry, reading.Valid),
            "surname" => (f.Surname, reading.Valid),
            "given_names" => (f.GivenNames, reading.Valid),
            "nationality" => (f.Nationality, reading.Valid),
            "sex" => (f.Sex.ToString(), reading.Valid),
            _ => (null, false),
        };
    }

    private static bool Matches(MrzReading reading, string name, string visual, string? mrzValue)
    {
        if (mrzValue is null)
            return false;
        switch (name)
        {
            case "date_of_birth" or "expiry_date":
                return VisualDate(visual) is { } date && Iso(date) == mrzValue;
            case "document_number":
                return Compact(visual) == mrzValue;
            case "sex":
                var sex = MrzText(visual);
                return sex.Length > 0 && (sex[0] == mrzValue[0] || (sex[0] is 'X' or '<' && mrzValue == "X"));
            case "surname" or "given_names":
                var text = MrzText(visual);
                return text == mrzValue || (NameWasCut(reading) && mrzValue.Length > 0 && text.StartsWith(mrzValue, StringComparison.Ordinal));
            default:
                return MrzText(visual) == mrzValue;
        }
    }

    /// <summary>A name field with no filler at its end was full: the zone may hold only the start of the names.</summary>
    private static bool NameWasCut(MrzReading reading)
    {
        var nameLine = reading.Format == MrzFormat.TD1 ? reading.Lines[2] : reading.Lines[0];
        return nameLine[^1] != '<';
    }

    /// <summary>
    /// Upper case, Latin accents dropped (the server runs with invariant globalization, without
    /// Unicode normalisation, so the common letters are folded by table), the ICAO 9303-3
    /// transliterations of Æ, Ø, ß and the like, anything else a single space.
    /// </summary>
    private static string MrzText(string value)
    {
        var text = new StringBuilder();
        foreach (var c in value.ToUpperInvariant())
        {
            var folded = Fold(c);
            if (folded.Length > 0)
                text.Append(folded);
            else if (text.Length > 0 && text[^1] != ' ')
                text.Append(' ');
        }
        return text.ToString().Trim();
    }

    private const string Accented = "ÀÁÂÃÄÅĀĂĄÇĆĈĊČĎĐÈÉÊËĒĔĖĘĚĜĞĠĢĤĦÌÍÎÏĨĪĬĮİĴĶĹĻĽĿŁÑŃŅŇÒÓÔÕÖŌŎŐŔŖŘŚŜŞŠŢŤŦÙÚÛÜŨŪŬŮŰŲŴÝŸŶŹŻŽ";
    private const string Plain = "AAAAAAAAACCCCCDDEEEEEEEEEGGGGHHIIIIIIIIIJKLLLLLNNNNOOOOOOOORRRSSSSTTTUUUUUUUUUUWYYYZZZ";

    private static string Fold(char c)
    {
        if (c is >= 'A' and <= 'Z' or >= '0' and <= '9')
            return c.ToString();
        var accented = Accented.IndexOf(c, StringComparison.Ordinal);
        if (accented >= 0)
            return Plain[accented].ToString();
        return c switch
        {
            'Æ' => "AE",
            'Ø' => "OE",
            'Œ' => "OE",
            'ß' => "SS",
            'Þ' => "TH",
            'Ĳ' => "IJ",
            _ => "",
        };
    }

    private static string Compact(string value) => MrzText(value).Replace(" ", "", StringComparison.Ordinal);

    private static DateOnly? VisualDate(string value)
    {
        var text = value.Trim();
        return DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var date) ? date : null;
    }

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
