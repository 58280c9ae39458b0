namespace Raytio.Server.Providers.Nzbn;

/// <summary>
/// The NZ Business Number register: the Sandbox (a shipped, generated dataset) or the Live
/// adapter (NZBN API v5), chosen by Raytio:Nzbn:Provider. A failure to answer is a
/// <see cref="Outside.ProviderFailedException"/>.
/// </summary>
public interface INzbnRegister
{
    /// <summary>"NZBN register (sandbox)" or "(live)": how errors and the audit trail name it.</summary>
    string Name { get; }

    Task<NzbnSearchResult> SearchAsync(NzbnSearchQuery query, CancellationToken cancellationToken);

    /// <summary>The entity, or null when the register has none with that NZBN.</summary>
    Task<NzbnEntity?> FindAsync(string nzbn, CancellationToken cancellationToken);
}
