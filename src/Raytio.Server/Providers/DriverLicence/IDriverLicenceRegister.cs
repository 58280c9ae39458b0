namespace Raytio.Server.Providers.DriverLicence;

/// <summary>
/// The NZ Driver Licence Register as operation 98 asks it: through an approved intermediary
/// (there is no government API; the shared provider notes, providers/nzta-driver-licence). The Sandbox answers
/// from the document registers' test identities; the Live register is Centrix's
/// DriverLicenceVerification product (Providers/Centrix/Live), chosen by Raytio:Centrix:Provider.
/// A failure to answer is a <see cref="Outside.ProviderFailedException"/>.
/// </summary>
public interface IDriverLicenceRegister
{
    string Name { get; }

    Task<DriverLicenceVerdict> CheckAsync(DriverLicenceQuery query, CancellationToken cancellationToken);
}
