namespace Raytio.Signing.Tests;

/// <summary>A fixed set of keys, for verifying with keys that came from elsewhere (a JWK).</summary>
internal sealed class StaticKeyStore(params SigningKey[] keys) : ISigningKeyStore
{
    public Task<SigningKey> GetActiveKeyAsync(CancellationToken cancellationToken) => Task.FromResult(keys.Single(key => key.IsActive));

    public Task<IReadOnlyList<SigningKey>> ListKeysAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<SigningKey>>(keys);

    public Task<SigningKey> RotateAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> RemoveAsync(string kid, CancellationToken cancellationToken) => throw new NotSupportedException();
}
