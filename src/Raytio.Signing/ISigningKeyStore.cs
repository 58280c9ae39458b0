namespace Raytio.Signing;

/// <summary>
/// Keeps the signing keys: exactly one active key signs, retired keys still verify until removed.
/// Implementations may keep keys in files (<see cref="FileSigningKeyStore"/>), a database or a KMS.
/// A store that is empty on first use creates its first key.
/// </summary>
public interface ISigningKeyStore
{
    /// <summary>The key new signatures are made with.</summary>
    Task<SigningKey> GetActiveKeyAsync(CancellationToken cancellationToken);

    /// <summary>All kept keys, active one first, then retired keys newest first.</summary>
    Task<IReadOnlyList<SigningKey>> ListKeysAsync(CancellationToken cancellationToken);

    /// <summary>Creates a new key and makes it the active one; the previous keys become retired.</summary>
    Task<SigningKey> RotateAsync(CancellationToken cancellationToken);

    /// <summary>Removes a retired key: signatures it made no longer verify. False if no key has that id.</summary>
    /// <exception cref="InvalidOperationException">The key is the active one; rotate first.</exception>
    Task<bool> RemoveAsync(string kid, CancellationToken cancellationToken);
}
