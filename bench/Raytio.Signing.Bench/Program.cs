using System.Globalization;
using System.Text.Json;
using Raytio.Signing;
using Raytio.Signing.Bench;

// Compares the signing library with reference implementations in one run on the same machine, so the
// ratios hold even on a noisy machine where absolute figures do not. Prints a Markdown table.
var repositoryRoot = args.Length > 0 ? args[0] : Directory.GetCurrentDirectory();
var duration = TimeSpan.FromSeconds(args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 5);

var workDirectory = Directory.CreateTempSubdirectory("raytio-signing-bench-");
try
{
    var document = BenchmarkDocument.Generate(10_000_000);
    var documentPath = Path.Combine(workDirectory.FullName, "document.json");
    await File.WriteAllBytesAsync(documentPath, document);
    var megabytes = document.Length / 1e6;

    var libraryCanonicalize = Measure.MedianRate(megabytes, duration, () => JsonCanonicalizer.Canonicalize(document));
    var (nodeParseAndCanonicalize, nodeCanonicalizeOnly) = ExternalTools.NodeCanonicalize(repositoryRoot, documentPath, duration);

    var store = new FileSigningKeyStore(Path.Combine(workDirectory.FullName, "keys"), TimeProvider.System);
    var key = await store.GetActiveKeyAsync(CancellationToken.None);
    var signer = new Signer(store);
    var record = JsonDocument.Parse(document.AsMemory(1, Array.IndexOf(document, (byte)'\n') - 2)).RootElement;
    var canonicalRecord = JsonCanonicalizer.Canonicalize(record);
    var signature = key.Sign(canonicalRecord);
    var signatureText = Convert.ToBase64String(signature);

    var sign1 = Measure.OperationsPerSecond(1, duration, () => key.Sign(canonicalRecord));
    var sign2 = Measure.OperationsPerSecond(2, duration, () => key.Sign(canonicalRecord));
    var verify1 = Measure.OperationsPerSecond(1, duration, () => key.Verify(canonicalRecord, signature));
    var verify2 = Measure.OperationsPerSecond(2, duration, () => key.Verify(canonicalRecord, signature));
    var signerSign1 = Measure.OperationsPerSecond(1, duration, () => signer.SignAsync(record, CancellationToken.None).GetAwaiter().GetResult());
    var signerVerify1 = Measure.OperationsPerSecond(1, duration, () => signer.VerifyAsync(record, signatureText, CancellationToken.None).GetAwaiter().GetResult());
    var (openSslSign1, openSslVerify1) = ExternalTools.OpenSslSpeed(1, duration);
    var (openSslSign2, openSslVerify2) = ExternalTools.OpenSslSpeed(2, duration);

    Console.WriteLine($"Canonicalization of a {megabytes:F1} MB JSON array ({Environment.ProcessorCount} cores, .NET {Environment.Version}, Node {ExternalTools.NodeVersion()})");
    Console.WriteLine();
    Console.WriteLine("| Implementation | MB/s | Library speed-up |");
    Console.WriteLine("| --- | ---: | ---: |");
    Console.WriteLine($"| Raytio.Signing JsonCanonicalizer (UTF-8 in, UTF-8 out) | {libraryCanonicalize:F1} | 1.00x |");
    Console.WriteLine($"| npm canonicalize: JSON.parse + canonicalize | {nodeParseAndCanonicalize:F1} | {libraryCanonicalize / nodeParseAndCanonicalize:F2}x |");
    Console.WriteLine($"| npm canonicalize: canonicalize of a parsed value | {nodeCanonicalizeOnly:F1} | {libraryCanonicalize / nodeCanonicalizeOnly:F2}x |");
    Console.WriteLine();
    Console.WriteLine($"RSA-PSS SHA-512, 4096-bit key, {canonicalRecord.Length}-byte canonical record");
    Console.WriteLine();
    Console.WriteLine("| Operation | Threads | Library ops/s | openssl speed ops/s | Library / OpenSSL |");
    Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
    Console.WriteLine(Row("Sign (SigningKey.Sign)", 1, sign1, openSslSign1));
    Console.WriteLine(Row("Sign (SigningKey.Sign)", 2, sign2, openSslSign2));
    Console.WriteLine(Row("Verify (SigningKey.Verify)", 1, verify1, openSslVerify1));
    Console.WriteLine(Row("Verify (SigningKey.Verify)", 2, verify2, openSslVerify2));
    Console.WriteLine(Row("Signer.SignAsync (canonicalize + store + sign)", 1, signerSign1, openSslSign1));
    Console.WriteLine(Row("Signer.VerifyAsync (canonicalize + store + verify)", 1, signerVerify1, openSslVerify1));
}
finally
{
    workDirectory.Delete(recursive: true);
}

static string Row(string operation, int threads, double library, double openSsl) =>
    $"| {operation} | {threads} | {library:F1} | {openSsl:F1} | {library / openSsl:P0} |";
