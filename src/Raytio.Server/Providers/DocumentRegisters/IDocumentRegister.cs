namespace Raytio.Server.Providers.DocumentRegisters;

/// <summary>
/// One source's register (<see cref="DocumentSources"/>). The sandbox answers from a fixed table of
/// test identities; a live implementation would call an approved intermediary (there is no public
/// government API: the shared provider notes, providers/nzta-driver-licence) and map its verdicts to a
/// <see cref="RegisterAnswer"/>.
/// </summary>
public interface IDocumentRegister
{
    string Source { get; }

    /// <exception cref="RegisterUnavailableException">The register could not answer (timeout, outage, refusal): the check did not happen.</exception>
    Task<RegisterAnswer> CheckAsync(RegisterQuery query, CancellationToken cancellationToken);
}

/// <summary>The register could not be asked; callers refund a metered check and answer 502.</summary>
public sealed class RegisterUnavailableException(string message) : Exception(message);
