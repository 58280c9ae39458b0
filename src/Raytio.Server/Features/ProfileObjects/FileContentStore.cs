using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.ProfileObjects;

/// <summary>
/// The file-system content store: `{DataDirectory}/content/ab/cd/{hash}`. A file is written under a
/// temporary name and then moved into place, so a reader never sees a half-written document and
/// replicas sharing the folder can write the same document at once.
/// </summary>
public sealed class FileContentStore(IOptions<RaytioOptions> options) : IContentStore
{
    private string Root => Path.Combine(options.Value.DataDirectory, "content");

    public async Task<bool> PutAsync(string hash, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var path = PathOf(hash);
        if (File.Exists(path))
        {
            return false;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await file.WriteAsync(content, cancellationToken);
                await file.FlushAsync(cancellationToken);
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
            return true;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public async Task<byte[]> ReadAsync(string hash, long length, CancellationToken cancellationToken)
    {
        var path = PathOf(hash);
        byte[] content;
        try
        {
            content = await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception missing) when (missing is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ContentUnavailableException($"Content {hash} is missing from the content store ({path}).");
        }
        if (content.LongLength != length || Convert.ToHexStringLower(SHA256.HashData(content)) != hash)
        {
            throw new ContentUnavailableException($"Content {hash} in the content store ({path}) is damaged: its length or hash differs.");
        }
        return content;
    }

    public void Delete(string hash) => File.Delete(PathOf(hash));

    private string PathOf(string hash)
    {
        if (hash.Length != 64 || !hash.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException($"'{hash}' is not a lower-case SHA-256 hex digest.", nameof(hash));
        }
        return Path.Combine(Root, hash[..2], hash[2..4], hash);
    }
}
