using Raytio.Clarity.Mrz;

namespace Raytio.Clarity.Tests.Mrz.Generation;

/// <summary>
/// Scores readings against the zones generated: characters right in place over all truth lines,
/// and the ten fields of the wire format exactly right. A reading reported valid whose fields
/// under a check digit (document number, dates, and optional data but on visas) differ from
/// the truth is counted apart: it must never happen. Names are under no check digit.
/// </summary>
public sealed class MrzScore
{
    public int Images { get; private set; }
    public int Found { get; private set; }
    public int ReportedValid { get; private set; }
    public int FalselyValid { get; private set; }
    public int Characters { get; private set; }
    public int CharactersRight { get; private set; }
    public int Fields { get; private set; }
    public int FieldsRight { get; private set; }

    public double CharacterAccuracy => Characters == 0 ? 0 : (double)CharactersRight / Characters;
    public double FieldAccuracy => Fields == 0 ? 0 : (double)FieldsRight / Fields;

    /// <summary>Adds one image's result; answers whether it was read exactly.</summary>
    public bool Add(SyntheticMrzImage truth, MrzReading? reading)
    {
        Images++;
        var lines = reading?.Lines ?? [];
        for (var line = 0; line < truth.Lines.Count; line++)
        {
            var expected = truth.Lines[line];
            Characters += expected.Length;
            if (line < lines.Count)
                CharactersRight += expected.Zip(lines[line]).Count(p => p.First == p.Second);
        }
        var fieldsRight = FieldsOf(truth.Fields).Zip(reading is null ? new string[10] : FieldsOf(reading.Fields)).Count(p => p.First == p.Second);
        Fields += 10;
        FieldsRight += fieldsRight;
        var exact = reading is not null && reading.Lines.SequenceEqual(truth.Lines);
        if (reading is not null)
        {
            Found++;
            ReportedValid += reading.Valid ? 1 : 0;
            FalselyValid += reading.Valid && !CheckedFieldsEqual(truth, reading) ? 1 : 0;
        }
        return exact;
    }

    public override string ToString() =>
        $"images {Images}, found {Found}, valid {ReportedValid}, falsely valid {FalselyValid}, characters {CharacterAccuracy:P1}, fields {FieldAccuracy:P1}";

    private static bool CheckedFieldsEqual(SyntheticMrzImage truth, MrzReading reading)
    {
        var (expected, read) = (truth.Fields, reading.Fields);
        var optionalChecked = !truth.Format.IsVisa();
        return reading.Format == truth.Format && expected.DocumentNumber == read.DocumentNumber && expected.DateOfBirth == read.DateOfBirth
            && expected.ExpiryDate == read.ExpiryDate
            && (!optionalChecked || (expected.OptionalData == read.OptionalData && expected.OptionalData2 == read.OptionalData2));
    }

    private static string?[] FieldsOf(MrzFields f) =>
    [
        f.DocumentType, f.IssuingCountry, f.Surname, f.GivenNames, f.DocumentNumber, f.Nationality,
        f.DateOfBirth?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), f.Sex.ToString(),
        f.ExpiryDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        f.OptionalData + (f.OptionalData2.Length > 0 ? "<" + f.OptionalData2 : ""),
    ];
}
