namespace Raytio.Signing.Tests;

/// <summary>
/// One file key store with a retired and an active key, shared by the signing tests:
/// 4096-bit keys take a second or two each to generate, so tests reuse these two.
/// </summary>
public sealed class RotatedKeyStoreFixture : IAsyncLifetime
{
    private readonly TemporaryDirectory _directory = new();

    public string KeyDirectory => _directory.Combine("keys");

    public FileSigningKeyStore Store { get; private set; } = null!;

    public SigningKey RetiredKey { get; private set; } = null!;

    public SigningKey ActiveKey { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Store = new FileSigningKeyStore(KeyDirectory, TimeProvider.System);
        RetiredKey = await Store.GetActiveKeyAsync(CancellationToken.None);
        ActiveKey = await Store.RotateAsync(CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        _directory.Dispose();
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class RotatedKeyStoreCollection : ICollectionFixture<RotatedKeyStoreFixture>
{
    public const string Name = "Rotated key store";
}
