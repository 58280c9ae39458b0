namespace Raytio.Server.Providers.DriverLicence;

/// <summary>
/// A licence to check, validated: <paramref name="Number"/> is card field 5a (two letters and six
/// digits, upper case), <paramref name="Version"/> card field 5b (three digits, leading zeros kept).
/// </summary>
public sealed record DriverLicenceQuery(string Number, string Version, string FirstName, string? MiddleName, string LastName, DateOnly DateOfBirth);
