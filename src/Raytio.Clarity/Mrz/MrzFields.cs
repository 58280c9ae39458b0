namespace Raytio.Clarity.Mrz;

/// <summary>
/// The data elements of a machine-readable zone, fillers removed: names with spaces, dates as
/// calendar dates (null when the zone holds an impossible or unknown date), sex as M, F or X
/// (the zone's filler for "unspecified").
/// </summary>
/// <param name="DocumentType">The document code without fillers: P, PN, I, ID, AC, V...</param>
/// <param name="OptionalData">Optional data, or TD1's first optional data element (line 1).</param>
/// <param name="OptionalData2">TD1's second optional data element (line 2); empty on other formats.</param>
public sealed record MrzFields(
    string DocumentType,
    string IssuingCountry,
    string Surname,
    string GivenNames,
    string DocumentNumber,
    string Nationality,
    DateOnly? DateOfBirth,
    char Sex,
    DateOnly? ExpiryDate,
    string OptionalData,
    string OptionalData2 = "");
