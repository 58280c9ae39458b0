namespace Raytio.Clarity.Mrz;

/// <summary>
/// A machine-readable zone read and parsed. <see cref="Valid"/> is true only when every check
/// digit verifies and every fixed-kind field holds its kind (dates of digits, sex M, F or
/// filler, country codes of letters); anything else is reported, never guessed.
/// </summary>
public sealed record MrzReading(MrzFormat Format, IReadOnlyList<string> Lines, MrzFields Fields, MrzChecks Checks, bool Valid);
