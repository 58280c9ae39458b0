using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace Raytio.Signing.Tests;

public class FileSigningKeyStoreTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2025, 3, 4, 5, 6, 7, 890, TimeSpan.Zero);

    private readonly TemporaryDirectory _temporary = new();
    private readonly FakeTimeProvider _time = new(Start);

    private string KeyDirectory => _temporary.Combine("keys");

    [Fact]
    public async Task First_use_generates_one_owner_only_4096_bit_key_named_by_its_thumbprint()
    {
        var store = new FileSigningKeyStore(KeyDirectory, _time);

        var key = await store.GetActiveKeyAsync(CancellationToken.None);

        var file = Assert.Single(Directory.GetFiles(KeyDirectory, "*.pem"));
        Assert.Equal($"20250304T050607890Z_{key.Kid}.pem", Path.GetFileName(file));
        Assert.True(key.IsActive);
        Assert.Equal(Start, key.CreatedAt);
        Assert.Equal(4096, key.PublicKey.KeySize);
        using var fromFile = RSA.Create();
        fromFile.ImportFromPem(File.ReadAllText(file));
        Assert.Equal(JwkThumbprint.Compute(fromFile.ExportParameters(false)), key.Kid);
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", File.ReadAllText(file));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(KeyDirectory));
        }
        Assert.Equal([key.Kid], (await store.ListKeysAsync(CancellationToken.None)).Select(k => k.Kid));
        // The key handed out to publish and verify holds no private half.
        Assert.ThrowsAny<CryptographicException>(() => key.PublicKey.ExportParameters(includePrivateParameters: true));
    }

    [Fact]
    public async Task Rotation_activates_a_new_key_keeps_the_old_one_verifying_until_removed()
    {
        var store = new FileSigningKeyStore(KeyDirectory, _time);
        var signer = new Signer(store);
        var data = JsonDocument.Parse("""{"checked":true}""").RootElement;
        var first = await store.GetActiveKeyAsync(CancellationToken.None);
        var oldSignature = await signer.SignAsync(data, CancellationToken.None);
        var replica = new FileSigningKeyStore(KeyDirectory, _time);
        Assert.Equal(first.Kid, (await replica.GetActiveKeyAsync(CancellationToken.None)).Kid);

        // The clock did not move: rotation must still make the new key the newest.
        var second = await store.RotateAsync(CancellationToken.None);

        // Another instance (a replica sharing the directory) keeps its view for the refresh interval.
        Assert.Equal(first.Kid, (await replica.GetActiveKeyAsync(CancellationToken.None)).Kid);
        _time.Advance(FileSigningKeyStore.RefreshInterval);
        Assert.Equal(second.Kid, (await replica.GetActiveKeyAsync(CancellationToken.None)).Kid);

        Assert.NotEqual(first.Kid, second.Kid);
        Assert.True(second.IsActive);
        Assert.Equal(Start.AddMilliseconds(1), second.CreatedAt);
        var listed = await store.ListKeysAsync(CancellationToken.None);
        Assert.Equal([(second.Kid, true), (first.Kid, false)], listed.Select(k => (k.Kid, k.IsActive)));
        Assert.Equal(second.Kid, (await signer.VerifyAsync(data, await signer.SignAsync(data, CancellationToken.None), CancellationToken.None)).Kid);
        Assert.Equal(new SignatureCheck(true, first.Kid), await signer.VerifyAsync(data, oldSignature, CancellationToken.None));

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.RemoveAsync(second.Kid, CancellationToken.None));
        Assert.False(await store.RemoveAsync("no-such-kid", CancellationToken.None));
        Assert.True(await store.RemoveAsync(first.Kid, CancellationToken.None));

        Assert.Equal([second.Kid], (await store.ListKeysAsync(CancellationToken.None)).Select(k => k.Kid));
        Assert.Equal(SignatureCheck.Invalid, await signer.VerifyAsync(data, oldSignature, CancellationToken.None));
        Assert.Single(Directory.GetFiles(KeyDirectory, "*.pem"));

    }

    [Fact]
    public async Task Concurrent_first_start_of_several_instances_creates_exactly_one_key()
    {
        var stores = Enumerable.Range(0, 4).Select(_ => new FileSigningKeyStore(KeyDirectory, _time)).ToArray();
        using var startTogether = new Barrier(stores.Length);

        var kids = await Task.WhenAll(stores.Select(store => Task.Run(async () =>
        {
            startTogether.SignalAndWait();
            return (await store.GetActiveKeyAsync(CancellationToken.None)).Kid;
        })));

        Assert.Single(kids.Distinct());
        Assert.Single(Directory.GetFiles(KeyDirectory, "*.pem"));
        Assert.Empty(Directory.GetFiles(KeyDirectory, "*.tmp"));
    }

    public void Dispose() => _temporary.Dispose();
}
