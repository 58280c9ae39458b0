using System.Security.Cryptography;
using System.Text;

namespace Raytio.Signing;

/// <summary>
/// Keeps keys as PKCS#8 PEM files in one directory (mode 0700, files 0600 on Unix), one file per key,
/// named by creation time and kid. The newest key is active. Several processes may share the directory
/// (replicas mounting one volume): writes are serialized by a lock file and land by atomic rename, and
/// each process re-lists the directory at most every <see cref="RefreshInterval"/> to see other
/// processes' rotations and removals.
/// </summary>
public sealed class FileSigningKeyStore : ISigningKeyStore
{
    /// <summary>How stale this process's view of the directory may get.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(1);

    private const string LockFileName = ".lock";
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private readonly string _directory;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Parsed keys by file name, so a refresh only reads files it has not seen.</summary>
    private readonly Dictionary<string, SigningKey> _loaded = new(StringComparer.Ordinal);

    private volatile Snapshot _current = new([], long.MinValue);

    public FileSigningKeyStore(string directory, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(time);
        _directory = Path.GetFullPath(directory);
        _time = time;
    }

    public async Task<SigningKey> GetActiveKeyAsync(CancellationToken cancellationToken) =>
        (await ListKeysAsync(cancellationToken))[0];

    public async Task<IReadOnlyList<SigningKey>> ListKeysAsync(CancellationToken cancellationToken)
    {
        var snapshot = _current;
        if (IsFresh(snapshot))
        {
            return snapshot.Keys;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (IsFresh(_current))
            {
                return _current.Keys;
            }
            if (Reload().Count == 0)
            {
                await CreateFirstKeyAsync(cancellationToken);
            }
            return _current.Keys;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<SigningKey> RotateAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            using var directoryLock = await LockDirectoryAsync(cancellationToken);
            var keys = Reload();
            var createdAt = KeyFileName.Truncate(_time.GetUtcNow());
            if (keys.Count > 0 && createdAt <= keys[0].CreatedAt)
            {
                // The clock stepped back or did not move: the new key must still sort newest to become active.
                createdAt = keys[0].CreatedAt.AddMilliseconds(1);
            }
            WriteNewKey(createdAt);
            return Reload()[0];
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<bool> RemoveAsync(string kid, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kid);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            using var directoryLock = await LockDirectoryAsync(cancellationToken);
            Reload();
            var fileName = _loaded.FirstOrDefault(entry => entry.Value.Kid == kid).Key;
            if (fileName is null)
            {
                return false;
            }
            if (_current.Keys[0].Kid == kid)
            {
                throw new InvalidOperationException($"Key {kid} is the active signing key; rotate before removing it.");
            }
            File.Delete(Path.Combine(_directory, fileName));
            Reload();
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    private bool IsFresh(Snapshot snapshot) =>
        snapshot.Keys.Count > 0 && _time.GetElapsedTime(snapshot.LoadedAt) < RefreshInterval;

    /// <summary>Creates the first key unless another process or instance did while we waited for the lock.</summary>
    private async Task CreateFirstKeyAsync(CancellationToken cancellationToken)
    {
        using var directoryLock = await LockDirectoryAsync(cancellationToken);
        if (Reload().Count == 0)
        {
            WriteNewKey(KeyFileName.Truncate(_time.GetUtcNow()));
            Reload();
        }
    }

    private Task<DirectoryLock> LockDirectoryAsync(CancellationToken cancellationToken)
    {
        EnsureDirectory();
        return DirectoryLock.AcquireAsync(Path.Combine(_directory, LockFileName), cancellationToken);
    }

    private void EnsureDirectory()
    {
        if (Directory.Exists(_directory))
        {
            return;
        }
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(_directory);
        }
        else
        {
            Directory.CreateDirectory(_directory, OwnerOnlyDirectory);
        }
    }

    /// <summary>Re-lists the directory, parsing new key files and forgetting deleted ones. Call under the gate.</summary>
    private IReadOnlyList<SigningKey> Reload()
    {
        EnsureDirectory();
        var fileNames = Directory.EnumerateFiles(_directory, "*" + KeyFileName.Extension)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => !name.StartsWith('.'))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var gone in _loaded.Keys.Where(name => !fileNames.Contains(name)).ToList())
        {
            // Not disposed: a caller may still be verifying with it.
            _loaded.Remove(gone);
        }
        foreach (var fileName in fileNames.Where(name => !_loaded.ContainsKey(name)))
        {
            if (KeyFileName.TryParse(fileName, out var createdAt, out var kid) && TryReadKey(fileName, createdAt, kid) is { } key)
            {
                _loaded[fileName] = key;
            }
        }

        var keys = _loaded
            .OrderByDescending(entry => entry.Value.CreatedAt)
            .ThenByDescending(entry => entry.Key, StringComparer.Ordinal)
            .Select((entry, index) => entry.Value.WithStatus(isActive: index == 0))
            .ToArray();
        _current = new Snapshot(keys, _time.GetTimestamp());
        return keys;
    }

    /// <summary>Reads a key file; null if another process removed it since the directory was listed.</summary>
    private SigningKey? TryReadKey(string fileName, DateTimeOffset createdAt, string expectedKid)
    {
        string pem;
        try
        {
            pem = File.ReadAllText(Path.Combine(_directory, fileName));
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        var key = new SigningKey(rsa, createdAt, isActive: false);
        if (key.Kid != expectedKid)
        {
            throw new InvalidDataException($"Key file {fileName} holds the key {key.Kid}, not the one its name says.");
        }
        return key;
    }

    /// <summary>Generates a key and publishes it atomically: written to a hidden temporary file, then renamed.</summary>
    private void WriteNewKey(DateTimeOffset createdAt)
    {
        using var rsa = RSA.Create(RsaPssSha512.KeySizeInBits);
        var kid = JwkThumbprint.Compute(rsa.ExportParameters(includePrivateParameters: false));
        var temporaryPath = Path.Combine(_directory, "." + kid + ".tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            // Created owner-only, so the private key is never readable by others, not even briefly.
            options.UnixCreateMode = OwnerOnlyFile;
        }
        using (var file = new FileStream(temporaryPath, options))
        {
            file.Write(Encoding.ASCII.GetBytes(rsa.ExportPkcs8PrivateKeyPem()));
            file.Flush(flushToDisk: true);
        }
        File.Move(temporaryPath, Path.Combine(_directory, KeyFileName.Format(createdAt, kid)));
    }

    private sealed record Snapshot(IReadOnlyList<SigningKey> Keys, long LoadedAt);
}
