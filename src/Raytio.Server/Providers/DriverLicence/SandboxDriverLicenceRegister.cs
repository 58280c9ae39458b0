using System.Globalization;
using Raytio.Server.Providers.DocumentRegisters;
using Raytio.Server.Providers.Outside;

namespace Raytio.Server.Providers.DriverLicence;

/// <summary>
/// Operation 98's Sandbox: the documents' sandbox driver-licence register
/// (<see cref="SandboxDocumentRegister"/> over <see cref="SandboxIdentities"/>), so operations 98
/// and 106 answer from one table of test identities with one way of comparing values;
/// <see cref="SandboxIdentities.UnavailableNumber"/> is a register that does not answer.
/// </summary>
public sealed class SandboxDriverLicenceRegister : IDriverLicenceRegister
{
    private readonly SandboxDocumentRegister _register = new(DocumentSources.NzDriverLicence);

    public string Name => "NZTA driver licence register (sandbox)";

    public async Task<DriverLicenceVerdict> CheckAsync(DriverLicenceQuery query, CancellationToken cancellationToken)
    {
        var fields = new Dictionary<string, string>
        {
            [RegisterFields.LicenceNumber] = query.Number,
            [RegisterFields.LicenceVersion] = query.Version,
            [RegisterFields.FirstGivenName] = query.FirstName,
            [RegisterFields.LastName] = query.LastName,
            [RegisterFields.DateOfBirth] = query.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        if (query.MiddleName is { } middle)
        {
            fields[RegisterFields.MiddleNames] = middle;
        }
        RegisterAnswer answer;
        try
        {
            answer = await _register.CheckAsync(new RegisterQuery(DocumentSources.NzDriverLicence, fields), cancellationToken);
        }
        catch (RegisterUnavailableException unavailable)
        {
            throw new ProviderFailedException(Name, "did not answer (the sandbox's unavailable test number)", unavailable);
        }
        var consistent = answer.Consistent;
        return new DriverLicenceVerdict(
            $"SBX-DL-{answer.Reference}", answer.Status,
            consistent[RegisterFields.LicenceNumber] && consistent[RegisterFields.LicenceVersion],
            consistent[RegisterFields.FirstGivenName],
            query.MiddleName is null ? null : consistent[RegisterFields.MiddleNames],
            consistent[RegisterFields.LastName],
            consistent[RegisterFields.DateOfBirth]);
    }
}
