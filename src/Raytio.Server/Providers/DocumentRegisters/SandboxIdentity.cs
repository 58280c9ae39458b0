namespace Raytio.Server.Providers.DocumentRegisters;

/// <summary>A test identity of the sandbox registers: one document as its register holds it (docs/EXTRACT-VERIFY.md lists them all).</summary>
public sealed record SandboxIdentity(
    string Source, string Number, string? Version, string FirstGivenName, string? MiddleNames, string LastName,
    string DateOfBirth, string? ExpiryDate, RecordStatus Status)
{
    /// <summary>The register's value of each field it holds for this document (a field it holds no value for is absent).</summary>
    public IReadOnlyDictionary<string, string> Held { get; } = new Dictionary<string, string?>
    {
        [Source == DocumentSources.NzPassport ? RegisterFields.PassportNumber : RegisterFields.LicenceNumber] = Number,
        [RegisterFields.LicenceVersion] = Version,
        [RegisterFields.FirstGivenName] = FirstGivenName,
        [RegisterFields.MiddleNames] = MiddleNames,
        [RegisterFields.LastName] = LastName,
        [RegisterFields.DateOfBirth] = DateOfBirth,
        [RegisterFields.ExpiryDate] = ExpiryDate,
    }.Where(field => field.Value is not null && RegisterFields.HeldBy(Source).Contains(field.Key)).ToDictionary(field => field.Key, field => field.Value!);
}
