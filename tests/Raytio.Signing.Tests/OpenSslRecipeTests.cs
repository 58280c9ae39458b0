using System.Diagnostics;
using System.Text.Json;
using Raytio.Testing;

namespace Raytio.Signing.Tests;

/// <summary>Runs the OpenSSL verification recipe exactly as docs/SIGNING.md prints it.</summary>
[Collection(RotatedKeyStoreCollection.Name)]
public class OpenSslRecipeTests(RotatedKeyStoreFixture keys) : IDisposable
{
    private const string BeginMarker = "<!-- openssl-recipe:begin -->";
    private const string EndMarker = "<!-- openssl-recipe:end -->";

    /// <summary>Formatted and ordered differently from the canonical form on purpose.</summary>
    private const string ReceivedData = """
        {
          "score": 1.0,
          "passport": { "number": "X1234567", "holder": "Zo\u00eb \ud83d\ude00" },
          "at": "2025-01-02T03:04:05Z"
        }
        """;

    private readonly TemporaryDirectory _temporary = new();

    [Fact]
    public async Task Recipe_prints_verified_ok_for_a_library_signature()
    {
        await PrepareAsync(ReceivedData);

        var output = await RunRecipeAsync();

        Assert.Contains("Verified OK", output);
    }

    [Fact]
    public async Task Recipe_does_not_verify_tampered_data()
    {
        await PrepareAsync(ReceivedData.Replace("1.0", "1.5"));

        var output = await RunRecipeAsync();

        Assert.DoesNotContain("Verified OK", output);
        Assert.Contains("Verification failure", output);
    }

    public void Dispose() => _temporary.Dispose();

    /// <summary>Signs the original data and leaves the three files a third party would hold.</summary>
    private async Task PrepareAsync(string dataAsReceived)
    {
        var signature = await new Signer(keys.Store).SignAsync(JsonDocument.Parse(ReceivedData).RootElement, CancellationToken.None);
        await File.WriteAllTextAsync(_temporary.Combine("jwks.json"), JwkSet.ToJson(await keys.Store.ListKeysAsync(CancellationToken.None)));
        await File.WriteAllTextAsync(_temporary.Combine("data.json"), dataAsReceived);
        await File.WriteAllTextAsync(_temporary.Combine("signature.txt"), string.Join("\\n", signature.Chunk(64).Select(c => new string(c))) + "\n");
        // Stands in for the recipe's prerequisite "npm install canonicalize" in the working directory.
        Directory.CreateSymbolicLink(_temporary.Combine("node_modules"), Path.Combine(RepoPaths.Interop, "node_modules"));
    }

    private async Task<string> RunRecipeAsync()
    {
        var documentation = await File.ReadAllTextAsync(RepoPaths.Combine("docs", "SIGNING.md"));
        var section = documentation[(documentation.IndexOf(BeginMarker, StringComparison.Ordinal) + BeginMarker.Length)..documentation.IndexOf(EndMarker, StringComparison.Ordinal)];
        var script = section.Trim().Split('\n')[1..^1];

        var bash = new ProcessStartInfo("bash") { WorkingDirectory = _temporary.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        bash.ArgumentList.Add("-c");
        bash.ArgumentList.Add(string.Join('\n', script));
        using var process = Process.Start(bash)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return await stdout + await stderr;
    }
}
