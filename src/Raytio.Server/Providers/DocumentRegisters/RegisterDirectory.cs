namespace Raytio.Server.Providers.DocumentRegisters;

/// <summary>The register of each source, as the provider module registered them.</summary>
public sealed class RegisterDirectory(IEnumerable<IDocumentRegister> registers)
{
    private readonly Dictionary<string, IDocumentRegister> _bySource = registers.ToDictionary(r => r.Source, StringComparer.Ordinal);

    /// <summary>The register of <paramref name="source"/>, or null when none is configured.</summary>
    public IDocumentRegister? For(string source) => _bySource.GetValueOrDefault(source);
}
