namespace Raytio.Server.Providers.Nzbn.Sandbox;

/// <summary>
/// The Sandbox register: the generated dataset (<see cref="NzbnSandboxGenerator"/>, seed and size
/// from Raytio:Nzbn:Sandbox), built once per process and only read afterwards.
/// </summary>
public sealed class NzbnSandboxRegister(NzbnSandboxDataset dataset) : INzbnRegister
{
    public string Name => "NZBN register (sandbox)";

    public Task<NzbnSearchResult> SearchAsync(NzbnSearchQuery query, CancellationToken cancellationToken) =>
        Task.FromResult(NzbnSandboxSearch.Run(dataset.Entities, query));

    public Task<NzbnEntity?> FindAsync(string nzbn, CancellationToken cancellationToken) =>
        Task.FromResult(dataset.ByNzbn.GetValueOrDefault(nzbn));
}

/// <summary>The generated entities, by NZBN (a singleton: generating takes a few milliseconds, once).</summary>
public sealed class NzbnSandboxDataset
{
    private readonly Lazy<IReadOnlyList<NzbnEntity>> _entities;
    private readonly Lazy<IReadOnlyDictionary<string, NzbnEntity>> _byNzbn;

    public NzbnSandboxDataset(ulong seed, int count)
    {
        _entities = new(() => new NzbnSandboxGenerator(seed, count).Generate());
        _byNzbn = new(() => _entities.Value.ToDictionary(e => e.Nzbn, StringComparer.Ordinal));
    }

    public IReadOnlyList<NzbnEntity> Entities => _entities.Value;

    public IReadOnlyDictionary<string, NzbnEntity> ByNzbn => _byNzbn.Value;
}
