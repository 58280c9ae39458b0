namespace Raytio.Server.Providers.DocumentRegisters;

/// <summary>
/// The field names of register queries and answers: the properties of the starter schemas
/// ss_NZ_Passport_19 and ss_NZ_DriverLicence_22. Callers with other names (operation 98's
/// `driversLicenceNo`, ...) translate to these.
/// </summary>
public static class RegisterFields
{
    public const string PassportNumber = "passport_number";
    public const string LicenceNumber = "licence_number";
    public const string LicenceVersion = "licence_version";
    public const string FirstGivenName = "first_given_name";
    public const string MiddleNames = "middle_names";
    public const string LastName = "last_name";
    public const string DateOfBirth = "date_of_birth";
    public const string ExpiryDate = "expiry_date";

    /// <summary>The fields each source's register holds and can confirm; the first is the document number it is looked up by.</summary>
    public static IReadOnlyList<string> HeldBy(string source) => source switch
    {
        DocumentSources.NzPassport => [PassportNumber, FirstGivenName, MiddleNames, LastName, DateOfBirth, ExpiryDate],
        DocumentSources.NzDriverLicence => [LicenceNumber, LicenceVersion, FirstGivenName, MiddleNames, LastName, DateOfBirth],
        _ => throw new ArgumentException($"'{source}' is not a document source.", nameof(source)),
    };
}
