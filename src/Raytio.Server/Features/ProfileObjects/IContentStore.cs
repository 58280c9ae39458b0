namespace Raytio.Server.Features.ProfileObjects;

/// <summary>
/// Binary content of profile objects (documents, images), kept outside the database and addressed
/// by its SHA-256 (lower-case hex), so equal documents are stored once.
/// </summary>
public interface IContentStore
{
    /// <summary>Stores the bytes (nothing is written when they are already there); true when this call created them.</summary>
    Task<bool> PutAsync(string hash, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>The stored bytes, checked against their hash and length; <see cref="ContentUnavailableException"/> when missing or damaged.</summary>
    Task<byte[]> ReadAsync(string hash, long length, CancellationToken cancellationToken);

    void Delete(string hash);
}

/// <summary>The store lost or damaged content an object still names: a fault of the installation, not of the request.</summary>
public sealed class ContentUnavailableException(string message) : Exception(message);
